#!/usr/bin/env python3
"""Draws the 16x16 toolbar icons of io.vgpio.ui (bundles/io.vgpio.ui/icons/toolbar) as PNGs, no libraries needed.
Rerun after changing a glyph: python3 releng/icons/draw_icons.py"""
import os, struct, zlib

OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'bundles', 'io.vgpio.ui', 'icons', 'toolbar')

def png(path, px):
    raw = b''.join(b'\0' + b''.join(bytes(px[y][x]) for x in range(16)) for y in range(16))
    def chunk(t, d):
        return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
    data = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', 16, 16, 8, 6, 0, 0, 0)) \
        + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b'')
    open(path, 'wb').write(data)

def canvas():
    return [[(0, 0, 0, 0)] * 16 for _ in range(16)]

def put(c, x, y, col):
    if 0 <= x < 16 and 0 <= y < 16:
        c[y][x] = col

def line(c, x0, y0, x1, y1, col):
    n = max(abs(x1 - x0), abs(y1 - y0), 1)
    for i in range(n + 1):
        put(c, round(x0 + (x1 - x0) * i / n), round(y0 + (y1 - y0) * i / n), col)

def rect(c, x0, y0, x1, y1, col):
    for y in range(y0, y1 + 1):
        for x in range(x0, x1 + 1):
            put(c, x, y, col)

def circle(c, cx, cy, r, col):
    for y in range(16):
        for x in range(16):
            d = ((x - cx) ** 2 + (y - cy) ** 2) ** 0.5
            if r - 0.7 <= d <= r + 0.5:
                put(c, x, y, col)

BLUE, DARK, GREEN, RED, GREY, ORANGE = (40, 90, 170, 255), (50, 50, 50, 255), (30, 140, 60, 255), \
    (190, 40, 40, 255), (120, 120, 120, 255), (220, 130, 20, 255)

def magnifier(plus):
    c = canvas()
    circle(c, 6, 6, 4.5, DARK)
    line(c, 9, 9, 14, 14, DARK); line(c, 10, 9, 14, 13, DARK)
    line(c, 4, 6, 8, 6, BLUE)
    if plus:
        line(c, 6, 4, 6, 8, BLUE)
    return c

def follow():  # a waveform running into a right edge with an arrow: the window follows now
    c = canvas()
    line(c, 1, 10, 4, 10, GREEN); line(c, 4, 5, 4, 10, GREEN); line(c, 4, 5, 8, 5, GREEN); line(c, 8, 5, 8, 10, GREEN)
    line(c, 8, 10, 10, 10, GREEN)
    line(c, 14, 2, 14, 13, DARK)
    line(c, 10, 13, 13, 13, BLUE); line(c, 12, 11, 13, 13, BLUE)
    return c

def lanes():
    c = canvas()
    for y in (3, 8, 13):
        rect(c, 1, y - 1, 2, y, GREY)
        line(c, 5, y, 14, y, BLUE)
    return c

def add_decoder():  # a clock-like trace over a labelled box and a plus: Add Decoder...
    c = canvas()
    for x in range(1, 12):
        y = 2 if (x // 3) % 2 == 0 else 5
        put(c, x, y, BLUE)
    for x in (3, 6, 9):
        line(c, x, 2, x, 5, BLUE)
    rect(c, 1, 8, 10, 12, (0xf0, 0xc0, 0x60, 255))
    line(c, 1, 8, 10, 8, DARK); line(c, 1, 12, 10, 12, DARK); line(c, 1, 8, 1, 12, DARK); line(c, 10, 8, 10, 12, DARK)
    line(c, 13, 9, 13, 15, GREEN); line(c, 10, 12, 15, 12, GREEN)
    line(c, 12, 9, 12, 15, GREEN); line(c, 10, 13, 15, 13, GREEN)
    return c

def one_to_one():
    c = canvas()
    line(c, 3, 3, 3, 12, DARK); line(c, 2, 4, 3, 3, DARK)
    put(c, 7, 6, DARK); put(c, 7, 10, DARK)
    line(c, 11, 3, 11, 12, DARK); line(c, 10, 4, 11, 3, DARK)
    return c

def refresh():
    c = canvas()
    circle(c, 8, 8, 5, GREEN)
    rect(c, 9, 1, 15, 6, (0, 0, 0, 0))
    line(c, 10, 3, 14, 3, GREEN); line(c, 14, 3, 14, 7, GREEN)
    return c

def chain(broken):
    c = canvas()
    col = RED if broken else BLUE
    rect(c, 1, 6, 6, 6, col); rect(c, 1, 10, 6, 10, col); line(c, 1, 6, 1, 10, col)
    rect(c, 9, 6, 14, 6, col); rect(c, 9, 10, 14, 10, col); line(c, 14, 6, 14, 10, col)
    if broken:
        line(c, 7, 3, 6, 1, DARK); line(c, 8, 13, 9, 15, DARK)
    else:
        line(c, 5, 8, 10, 8, DARK)
    return c

def play(col, letter=False):
    c = canvas()
    for x in range(3, 13):
        h = (12 - x) * 6 // 10
        line(c, x, 8 - h, x, 8 + h, col)
    if letter:  # a small gear dot: the built-in demo guest
        rect(c, 11, 11, 14, 14, ORANGE)
    return c

def stop():
    c = canvas()
    rect(c, 3, 3, 12, 12, RED)
    return c

def interrupt():  # a lightning bolt: Ctrl+C
    c = canvas()
    line(c, 10, 1, 5, 8, ORANGE); line(c, 5, 8, 10, 8, ORANGE); line(c, 10, 8, 5, 15, ORANGE)
    line(c, 11, 1, 6, 8, ORANGE); line(c, 11, 8, 6, 15, ORANGE)
    return c

def copy_cmd():  # two sheets with a prompt: Copy QEMU command line
    c = canvas()
    rect(c, 1, 1, 9, 10, GREY); rect(c, 2, 2, 8, 9, (255, 255, 255, 255))
    rect(c, 5, 5, 14, 14, DARK); rect(c, 6, 6, 13, 13, (255, 255, 255, 255))
    line(c, 7, 8, 9, 10, DARK); line(c, 9, 10, 7, 12, DARK); line(c, 10, 12, 12, 12, DARK)
    return c

os.makedirs(OUT, exist_ok=True)
for name, c in [('zoom-in', magnifier(True)), ('zoom-out', magnifier(False)), ('follow', follow()),
                ('lanes', lanes()), ('zoom-100', one_to_one()), ('refresh', refresh()), ('bind', chain(False)),
                ('unbind', chain(True)), ('run-guest', play(GREEN)), ('demo-guest', play(BLUE, True)),
                ('stop-guest', stop()), ('interrupt-guest', interrupt()), ('copy-qemu', copy_cmd()),
                ('add-decoder', add_decoder())]:
    png(os.path.join(OUT, name + '.png'), c)
