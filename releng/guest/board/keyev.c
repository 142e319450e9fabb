/*
 * keyev: prints the key events of a Linux input device, one line each:
 *   KEY <code> <value> <seconds>.<microseconds>
 * (value 1 press, 0 release, 2 autorepeat; the time is the event's own).
 * Usage: keyev [-n COUNT] [DEVICE | NAME]
 *   DEVICE  a /dev/input/event* node; NAME  the input device's name (e.g.
 *   gpio-keys), searched among /dev/input/event0..31; default gpio-keys.
 *   -n COUNT  exit 0 after COUNT key events (default: run until killed).
 * Before the first event it prints "KEYEV listening <node> <name>", so a test
 * knows the device is open and no event can be missed after that line.
 *
 * The test guest's own small tool (evtest needs libevdev and prints far more);
 * built by build-guest.sh against the host's glibc, which the initrd holds
 * anyway for the gpiod tools.
 */
#include <fcntl.h>
#include <linux/input.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

static int open_by_name(const char *want, char *node, size_t node_len, char *name, size_t name_len)
{
	for (int i = 0; i < 32; i++) {
		snprintf(node, node_len, "/dev/input/event%d", i);
		int fd = open(node, O_RDONLY);
		if (fd < 0)
			continue;
		if (ioctl(fd, EVIOCGNAME(name_len), name) >= 0 && strcmp(name, want) == 0)
			return fd;
		close(fd);
	}
	return -1;
}

int main(int argc, char **argv)
{
	long count = -1;
	int opt;
	while ((opt = getopt(argc, argv, "n:")) != -1) {
		if (opt != 'n') {
			fprintf(stderr, "usage: keyev [-n COUNT] [DEVICE | NAME]\n");
			return 2;
		}
		count = strtol(optarg, NULL, 10);
	}
	const char *target = optind < argc ? argv[optind] : "gpio-keys";
	char node[64], name[128] = "";
	int fd;
	if (target[0] == '/') {
		snprintf(node, sizeof(node), "%s", target);
		fd = open(node, O_RDONLY);
		if (fd >= 0)
			ioctl(fd, EVIOCGNAME(sizeof(name)), name);
	} else {
		fd = open_by_name(target, node, sizeof(node), name, sizeof(name));
	}
	if (fd < 0) {
		fprintf(stderr, "keyev: cannot open %s\n", target);
		return 1;
	}
	printf("KEYEV listening %s %s\n", node, name);
	fflush(stdout);

	struct input_event ev;
	long seen = 0;
	while (count < 0 || seen < count) {
		ssize_t n = read(fd, &ev, sizeof(ev));
		if (n != (ssize_t)sizeof(ev)) {
			if (n < 0)
				perror("keyev: read");
			else
				fprintf(stderr, "keyev: short read from %s\n", node);
			return 1;
		}
		if (ev.type != EV_KEY)
			continue;
		printf("KEY %u %d %ld.%06ld\n", ev.code, ev.value, (long)ev.input_event_sec, (long)ev.input_event_usec);
		fflush(stdout);
		seen++;
	}
	return 0;
}
