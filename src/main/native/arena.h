/*
 * A per-parse arena for tree-sitter's allocations (arena.c). build.sh force-includes this header into every unit
 * and maps tree-sitter's ts_malloc/ts_calloc/ts_realloc/ts_free onto these functions, so the core and the grammar
 * (its external scanner's arrays too) allocate here. The scanner's own state struct uses calloc/free directly;
 * tree-sitter 0.25 creates and destroys it within each parse, so it never outlives one.
 *
 * Why: a parse makes hundreds of thousands of small allocations and the tree's deletion frees them one by one;
 * malloc, free and the deletion walk were a third of the native time. Inside an arena they are pointer bumps, and
 * the whole parse (parser, tree, walk stack, records) is dropped at once by resetting it.
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

/* The allocator: the calling thread's arena when one is entered, otherwise the C heap. Every block remembers
 * whether it came from the heap or from an arena (not which arena): an arena block must be freed, if at all,
 * while its own arena is entered on the same thread. That holds here, where every tree-sitter allocation and free
 * happens inside one parse call; a block freed after its arena is left is simply taken back by the next reset.
 * Like tree-sitter's defaults, they abort the process when memory is exhausted (or a size cannot be represented)
 * rather than return NULL into code that does not check. */
void *sre_malloc(size_t size);
void *sre_calloc(size_t count, size_t size);
void *sre_realloc(void *ptr, size_t size);
void sre_free(void *ptr);

#endif
