/*
 * The floor for vGPIO's round-trip benchmark: two processes bounce a token through two eventfds, doing no other
 * work. One round trip = one write + wake-up in each direction, the same kernel path a kick and a call take.
 * Usage: eventfd-floor ROUNDS         -> prints "p50_ns p99_ns mean_ns" on one line
 *        eventfd-floor ROUNDS --raw   -> prints every round trip in ns, one a line (for interleaved runs)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/eventfd.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static uint64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static int cmp(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
    long rounds = argc > 1 ? atol(argv[1]) : 20000;
    long warmup = rounds / 10;
    int ping = eventfd(0, 0), pong = eventfd(0, 0);
    if (ping < 0 || pong < 0 || rounds < 10) {
        perror("eventfd");
        return 1;
    }
    pid_t child = fork();
    uint64_t v = 1;
    if (child == 0) {
        for (long i = 0; i < rounds + warmup; i++) {
            if (read(ping, &v, 8) != 8 || write(pong, &v, 8) != 8) _exit(1);
        }
        _exit(0);
    }
    uint64_t *t = malloc(sizeof(uint64_t) * rounds);
    for (long i = 0; i < rounds + warmup; i++) {
        uint64_t t0 = now_ns();
        v = 1;
        if (write(ping, &v, 8) != 8 || read(pong, &v, 8) != 8) return 1;
        if (i >= warmup) t[i - warmup] = now_ns() - t0;
    }
    waitpid(child, NULL, 0);
    if (argc > 2 && argv[2][0] == '-') {
        for (long i = 0; i < rounds; i++) printf("%llu\n", (unsigned long long)t[i]);
        return 0;
    }
    uint64_t sum = 0;
    for (long i = 0; i < rounds; i++) sum += t[i];
    qsort(t, rounds, sizeof(uint64_t), cmp);
    printf("%llu %llu %llu\n", (unsigned long long)t[rounds / 2], (unsigned long long)t[rounds * 99 / 100],
           (unsigned long long)(sum / rounds));
    return 0;
}
