# float() takes any bytes-like object's bytes as the text (PyFloat_FromString), with the object's repr in the error;
# refheap refused bytes ("must be a string or a real number"), which broke pickle's protocol 0 floats.
import array, pickle
for v in [b'1.5', bytearray(b' -2_0.5 '), memoryview(b'3e2'), b'inf', array.array('b', b'7.25'), b'x', bytearray(b'y'), b'']:
    try: print(float(v))
    except ValueError as e: print(e)
print(pickle.loads(pickle.dumps([0.1, -2.5, float('inf')], 0)))
