# coding: utf-8
def fail(n):  # ÿ
    return [1, 2][n]
