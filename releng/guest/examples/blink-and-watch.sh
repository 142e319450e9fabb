#!/bin/sh
# The workbench's former fixed guest script, kept as an example to choose in
# Device > Run Guest... (or run-guest.sh --script): show the chip, blink line 0
# every second and print every edge on line 1 until the guest is stopped.
gpiodetect
gpioinfo
echo "guest: blinking line 0 every second and printing every edge on line 1 (Device > Stop Guest to stop)"
( while true; do gpioset -m time -s 1 gpiochip0 0=1; sleep 1; done ) &
gpiomon -F 'line 1: %e at %s.%n' gpiochip0 1
