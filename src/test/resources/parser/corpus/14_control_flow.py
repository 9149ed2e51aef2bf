for i in range(10):
    if i == 3:
        continue
    elif i == 8:
        break
    else:
        pass
else:
    print("no break")

n = 0
while n < 5:
    n += 1
    if n == 2: continue
else:
    print("done")

while True:
    break

if __name__ == "__main__":
    print("main")
