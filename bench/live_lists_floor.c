/*
 * Not a workload: a C model of what one full collection over N live one-element lists reads and
 * writes, to tell the memory's part of bench/gc_pause.py lists from the JIT's. The heap is laid
 * out as refheap's allocator lays it out (16 KiB pools with a 48-byte header, one size class per
 * pool, blocks handed out in address order): per list a 64-byte block (16-byte GC head + 40-byte
 * list), a 16-byte item array and a 32-byte int, allocated in turn; one big list holds them all
 * and comes first in the generation, as `keep = [[i] for i in range(n)]` leaves it.
 *
 *   gcc -O2 -o /tmp/live_lists_floor bench/live_lists_floor.c && /tmp/live_lists_floor [N] [ROUNDS]
 *
 * Per round, thread CPU in ms of
 *   refheap: the fused update_refs+subtract_refs walk, then move_unreachable (leaves not traversed
 *            again), the passes refheap's collector makes;
 *   3-pass:  update_refs, subtract_refs and move_unreachable as separate walks, move_unreachable
 *            traversing every reachable object, then one more walk reading each type (the
 *            untrack_tuples/untrack_dicts kind of walk): the passes of a collector without the fusions.
 * The rounds get faster on a machine whose kernel merges the pages into huge pages meanwhile.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <time.h>

typedef uint64_t u;
#define W(a) (*(u *)(a))
#define POOL 16384
static char *base;
static size_t used;
static char *cur[40];
static int left[40];
static u list_type[4] = {0, 0, 1, 0}, int_type[4] = {0, 0, 0, 0}; /* word 2: the HAVE_GC flag */

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static u alloc(int size) {
    int c = (size + 15) / 16;
    if (left[c] == 0) {
        cur[c] = base + used + 48;
        used += POOL;
        left[c] = (POOL - 48) / (c * 16);
    }
    u r = (u)cur[c];
    cur[c] += c * 16;
    left[c]--;
    return r;
}

static int is_gc(u o) { return (W(W(o + 8) + 16) & 1) != 0; }

int main(int argc, char **argv) {
    long n = argc > 1 ? atol(argv[1]) : 1000000;
    int rounds = argc > 2 ? atoi(argv[2]) : 8;
    base = mmap(0, (size_t)n * 160 + (64 << 20), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    base = (char *)(((uintptr_t)base + POOL - 1) & ~(uintptr_t)(POOL - 1));
    static u heads[4];
    u head = (u)&heads[2], tail = head;
    W(head - 16) = head;
    W(head - 8) = head;
#define APPEND(o) do { W(tail - 16) = (o); W((o) - 8) = tail; W((o) - 16) = head; W(head - 8) = (o); tail = (o); } while (0)
    u keep = alloc(56) + 16, *kitems = malloc(8 * n);
    W(keep) = 1; W(keep + 8) = (u)list_type; W(keep + 16) = n; W(keep + 24) = (u)kitems;
    APPEND(keep);
    for (long i = 0; i < n; i++) {
        u l = alloc(56) + 16, items = alloc(8), v = alloc(28);
        W(v) = 1; W(v + 8) = (u)int_type; W(v + 16) = 1; W(v + 24) = i;
        W(items) = v;
        W(l) = 1; W(l + 8) = (u)list_type; W(l + 16) = 1; W(l + 24) = items; W(l + 32) = 1;
        kitems[i] = l;
        APPEND(l);
    }
    /* prev word during a collection: gc_refs << 3 | 4 refers-young | 2 collecting | 1 finalized */
    for (int r = 0; r < rounds; r++) {
        /* refheap: fused walk */
        double t0 = now();
        for (u o = W(head - 16); o != head; o = W(o - 16)) {
            u w = W(o - 8);
            if (!(w & 2)) W(o - 8) = (w & 1) | 2 | (W(o) << 3);
            int saw = 0;
            u *it = (u *)W(o + 24);
            for (long i = (long)W(o + 16) - 1; i >= 0; i--) {
                u op = it[i];
                if (!op || !is_gc(op)) continue;
                u ww = W(op - 8);
                if (ww & 2) { W(op - 8) = ww - 8; saw = 1; }
                else if (W(op - 16)) { W(op - 8) = (ww & 1) | 2 | ((W(op) - 1) << 3); saw = 1; }
            }
            if (saw) W(o - 8) |= 4;
        }
        double t1 = now();
        /* move_unreachable: everything is reachable here; leaves are not traversed */
        u prev = head;
        for (u o = W(head - 16); o != head; o = W(o - 16)) {
            u w = W(o - 8);
            if ((w >> 3) == 0) { fprintf(stderr, "unreachable?\n"); return 1; }
            if (w & 4) {
                u *it = (u *)W(o + 24);
                for (long i = (long)W(o + 16) - 1; i >= 0; i--) {
                    u op = it[i];
                    if (!op || !is_gc(op)) continue;
                    u ww = W(op - 8);
                    if ((ww & 2) && (ww >> 3) == 0) W(op - 8) = (ww & 7) | 8;
                }
            }
            if (W(o + 8) == 0) fprintf(stderr, "?");  /* the untrack test's type read */
            W(o - 8) = (W(o - 8) & 1) | prev;
            prev = o;
        }
        W(head - 8) = prev;
        double t2 = now();
        /* 3-pass: update_refs */
        for (u o = W(head - 16); o != head; o = W(o - 16)) W(o - 8) = (W(o - 8) & 1) | 2 | (W(o) << 3);
        /* subtract_refs */
        for (u o = W(head - 16); o != head; o = W(o - 16)) {
            u *it = (u *)W(o + 24);
            for (long i = (long)W(o + 16) - 1; i >= 0; i--) {
                u op = it[i];
                if (op && is_gc(op) && (W(op - 8) & 2)) W(op - 8) -= 8;
            }
        }
        /* move_unreachable, traversing every reachable object */
        prev = head;
        for (u o = W(head - 16); o != head; o = W(o - 16)) {
            u *it = (u *)W(o + 24);
            for (long i = (long)W(o + 16) - 1; i >= 0; i--) {
                u op = it[i];
                if (!op || !is_gc(op)) continue;
                u ww = W(op - 8);
                if ((ww & 2) && (ww >> 3) == 0) W(op - 8) = (ww & 7) | 8;
            }
            W(o - 8) = (W(o - 8) & 1) | prev;
            prev = o;
        }
        /* one walk reading each object's type */
        long k = 0;
        for (u o = W(head - 16); o != head; o = W(o - 16)) k += W(o + 8) == (u)int_type;
        double t3 = now();
        printf("round %d: refheap's passes %.1f ms (fused %.1f, move_unreachable %.1f); 3-pass %.1f ms%s\n", r + 1,
               (t2 - t0) * 1e3, (t1 - t0) * 1e3, (t2 - t1) * 1e3, (t3 - t2) * 1e3, k ? " ?" : "");
    }
    return 0;
}
