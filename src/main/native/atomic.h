/*
 * Replaces tree-sitter's lib/src/atomic.h in our build (build.sh copies it over the unpacked original).
 *
 * Why: tree-sitter counts references to subtrees with locked (SEQ_CST) instructions so that trees can be shared
 * between threads. Ours never are: each tree is built, walked and dropped inside one JNI call on one thread, in
 * that call's arena (arena.h). Plain increments do the same work without a locked bus cycle per subtree retain
 * and release (a tenth of the parse). The functions and their meaning are the original's; only the atomicity goes.
 */
#ifndef TREE_SITTER_ATOMIC_H_
#define TREE_SITTER_ATOMIC_H_

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

static inline size_t atomic_load(const volatile size_t *p) {
    return *p;
}

static inline uint32_t atomic_inc(volatile uint32_t *p) {
    *p += 1;
    return *p;
}

static inline uint32_t atomic_dec(volatile uint32_t *p) {
    *p -= 1;
    return *p;
}

#endif
