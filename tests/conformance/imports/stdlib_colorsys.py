# colorsys from CPython's library
import colorsys
print(colorsys.rgb_to_hsv(0.2, 0.4, 0.4))
print(colorsys.hsv_to_rgb(0.5, 0.5, 0.4))
print(colorsys.rgb_to_hls(1.0, 0.0, 0.0), colorsys.rgb_to_yiq(1.0, 1.0, 1.0)[0])
