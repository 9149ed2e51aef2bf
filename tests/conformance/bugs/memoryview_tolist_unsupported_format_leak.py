# memoryview.tolist() of a format it cannot unpack (an array('u')'s 'w') raises NotImplementedError and keeps
# nothing: refheap leaked the list it had started (found by the heap verifier under --gc-stress).
import array, gc
def lists():
    return sum(1 for o in gc.get_objects() if type(o) is list)
m = memoryview(array.array('u', 'ab'))
messages = []
before = lists()
for i in range(3):
    try: m.tolist()
    except NotImplementedError as e: messages.append(str(e))
after = lists()
print(messages, after - before)
m.release()
