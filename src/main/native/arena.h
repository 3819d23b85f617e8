/*
 * A per-parse arena for tree-sitter's allocations (arena.c). build.sh force-includes this header into every unit
 * and maps tree-sitter's ts_malloc/ts_calloc/ts_realloc/ts_free onto these functions, so the core, the grammar
 * and its external scanner all allocate here.
 *
 * Why: a parse makes hundreds of thousands of small allocations and the tree's deletion frees them one by one;
 * malloc, free and the deletion walk were a third of the native time. Inside an arena they are pointer bumps, and
 * the whole parse (parser, tree, cursor, records) is dropped at once by resetting it.
 */
#ifndef SRE_ARENA_H_
#define SRE_ARENA_H_

#include <stddef.h>

typedef struct SreArena SreArena;

/* A new, empty arena (NULL when out of memory), and its release with every block it still holds. */
SreArena *sre_arena_new(void);
void sre_arena_destroy(SreArena *arena);

/* Makes the arena the calling thread's allocator until sre_arena_leave (NULL: the C heap again). */
void sre_arena_enter(SreArena *arena);
void sre_arena_leave(void);

/* Forgets every block at once; keeps (a bounded amount of) its memory for the next parse. */
void sre_arena_reset(SreArena *arena);

/* The allocator: the calling thread's arena when one is entered, otherwise the C heap. Every block remembers which
 * one it came from, so a block is always freed where it belongs. Like tree-sitter's defaults, they abort the
 * process when memory is exhausted rather than return NULL into code that does not check. */
void *sre_malloc(size_t size);
void *sre_calloc(size_t count, size_t size);
void *sre_realloc(void *ptr, size_t size);
void sre_free(void *ptr);

#endif
