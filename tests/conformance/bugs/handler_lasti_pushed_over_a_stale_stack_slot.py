# Under --gc-stress: a handler's re-raise pushed the raising instruction's offset (an int, newly made
# past offset 256) with f.slots[f.sp++] = ints.of(...), so sp moved before the allocation and its heap check
# read the value POP_TOP had left above the stack (here the type int) as a reference nobody owns.
x1 = 1
x2 = 2
x3 = 3
x4 = 4
x5 = 5
x6 = 6
x7 = 7
x8 = 8
x9 = 9
x10 = 10
x11 = 11
x12 = 12
x13 = 13
x14 = 14
x15 = 15
x16 = 16
x17 = 17
x18 = 18
x19 = 19
x20 = 20
x21 = 21
x22 = 22
x23 = 23
x24 = 24
x25 = 25
x26 = 26
x27 = 27
x28 = 28
x29 = 29
x30 = 30
x31 = 31
x32 = 32
x33 = 33
x34 = 34
x35 = 35
x36 = 36
x37 = 37
x38 = 38
x39 = 39
x40 = 40
x41 = 41
x42 = 42
x43 = 43
x44 = 44
x45 = 45
x46 = 46
x47 = 47
x48 = 48
x49 = 49
x50 = 50
x51 = 51
x52 = 52
x53 = 53
x54 = 54
x55 = 55
x56 = 56
x57 = 57
x58 = 58
x59 = 59
x60 = 60
x61 = 61
x62 = 62
x63 = 63
x64 = 64
x65 = 65
x66 = 66
x67 = 67
x68 = 68
x69 = 69
x70 = 70
x71 = 71
x72 = 72
x73 = 73
x74 = 74
x75 = 75
x76 = 76
x77 = 77
x78 = 78
x79 = 79
x80 = 80
x81 = 81
x82 = 82
x83 = 83
x84 = 84
x85 = 85
x86 = 86
x87 = 87
x88 = 88
x89 = 89
x90 = 90
x91 = 91
x92 = 92
x93 = 93
x94 = 94
x95 = 95
x96 = 96
x97 = 97
x98 = 98
x99 = 99
x100 = 100
x101 = 101
x102 = 102
x103 = 103
x104 = 104
x105 = 105
x106 = 106
x107 = 107
x108 = 108
x109 = 109
x110 = 110
x111 = 111
x112 = 112
x113 = 113
x114 = 114
x115 = 115
x116 = 116
x117 = 117
x118 = 118
x119 = 119
x120 = 120
x121 = 121
x122 = 122
x123 = 123
x124 = 124
x125 = 125
x126 = 126
x127 = 127
x128 = 128
x129 = 129
x130 = 130
caught = []
try:
    try:
        raise ValueError('plain')
    except ValueError as g:
        int
        raise
except ValueError as g:
    caught.append(repr(g))
try:
    try:
        raise KeyError('k')
    except* KeyError as g:
        print('wrapped', repr(g))
        raise
except ExceptionGroup as g:
    caught.append(repr(g))
print(caught, x130)
