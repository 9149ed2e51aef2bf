# Tracebacks mark a failing binary operation with ~ under its operands and ^ under its operator (one- and two-character operators, spacing, parentheses).
a, b, s = 1, 0, 'x'


def spaced():
    return a    %    b


def parenthesised():
    return (a) // (b)


try:
    a / b
except ZeroDivisionError:
    try:
        x = a // b
    except ZeroDivisionError:
        try:
            y = a+s
        except TypeError:
            try:
                spaced()
            except ZeroDivisionError:
                try:
                    parenthesised()
                except ZeroDivisionError:
                    try:
                        z = 1 + a / b * 2
                    except ZeroDivisionError:
                        try:
                            p = a ** s
                        except TypeError:
                            try:
                                q = (a)/b  # 3.11 marks "/b" as the operator here
                            except ZeroDivisionError:
                                w = a << s
