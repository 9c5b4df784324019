# Many short-lived lists; a few survive in a long-lived structure.
keep = []
checksum = 0
for i in range(600000):
    tmp = [i, i + 1, i + 2]
    checksum += tmp[0] + tmp[2] - tmp[1]
    if i % 50000 == 0:
        keep.append(tmp)
        print("kept", i, len(keep))
print("checksum", checksum)
print(keep[0], keep[-1], len(keep))
print(all(k[1] == k[0] + 1 for k in keep), sum(k[2] for k in keep))
