/* The arena behind arena.h: 2 MiB chunks, bump allocation, per-size free lists for small blocks (tree-sitter's
 * subtrees churn while it recovers from errors), and in-place growth of the newest block (its stacks and
 * arrays grow by realloc). */
#include "arena.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    ALIGN = 16,
    HEADER = 16,                      /* struct Header, keeping blocks 16-byte aligned as malloc's are */
    SMALL_MAX = 512,                  /* blocks up to this size are recycled through free lists */
    CLASSES = SMALL_MAX / ALIGN,
};
static const size_t CHUNK = (size_t) 2 << 20;
static const size_t RETAIN = (size_t) 16 << 20; /* memory an idle arena keeps for the next parse */
static const size_t MAX_REQUEST = SIZE_MAX / 4; /* far above anything tree-sitter asks (its sizes are 32-bit) */
static const uint64_t FROM_ARENA = 0x5352454152454e41ULL; /* "SREARENA" */
static const uint64_t FROM_HEAP = 0x5352454845415021ULL;  /* "SREHEAP!" */

typedef struct Header {
    uint64_t size; /* usable bytes (a multiple of ALIGN for arena blocks, the request for heap blocks) */
    uint64_t from;
} Header;

typedef struct Chunk {
    struct Chunk *next;
    size_t size; /* usable bytes after this header */
    uint64_t pad[2];
} Chunk;

struct SreArena {
    Chunk *first;
    Chunk *current;
    char *cursor;
    char *limit;
    void *free_lists[CLASSES];
};

static __thread SreArena *active;

static void out_of_memory(size_t size) {
    fprintf(stderr, "sre-review native parser: failed to allocate %zu bytes\n", size);
    abort();
}

static char *chunk_data(Chunk *c) {
    return (char *) (c + 1);
}

SreArena *sre_arena_new(void) {
    return calloc(1, sizeof(SreArena));
}

void sre_arena_destroy(SreArena *arena) {
    if (!arena) {
        return;
    }
    for (Chunk *c = arena->first, *next; c; c = next) {
        next = c->next;
        free(c);
    }
    free(arena);
}

void sre_arena_enter(SreArena *arena) {
    active = arena;
}

void sre_arena_leave(void) {
    active = NULL;
}

void sre_arena_reset(SreArena *arena) {
    size_t kept = 0;
    Chunk **link = &arena->first;
    while (*link) {
        Chunk *c = *link;
        if (kept + c->size > RETAIN) {
            *link = c->next;
            free(c);
        } else {
            kept += c->size;
            link = &c->next;
        }
    }
    arena->current = arena->first;
    arena->cursor = arena->first ? chunk_data(arena->first) : NULL;
    arena->limit = arena->first ? arena->cursor + arena->first->size : NULL;
    memset(arena->free_lists, 0, sizeof arena->free_lists);
}

/* Moves to a chunk with room for need bytes: the next kept one if it fits, else a new one after the current. */
static void grow(SreArena *a, size_t need) {
    Chunk *next = a->current ? a->current->next : a->first;
    if (!next || next->size < need) {
        size_t size = need > CHUNK ? need : CHUNK;
        Chunk *c = malloc(sizeof(Chunk) + size);
        if (!c) {
            out_of_memory(size);
        }
        c->size = size;
        c->next = next;
        if (a->current) {
            a->current->next = c;
        } else {
            a->first = c;
        }
        next = c;
    }
    a->current = next;
    a->cursor = chunk_data(next);
    a->limit = a->cursor + next->size;
}

static void *arena_alloc(SreArena *a, size_t request) {
    if (request > MAX_REQUEST) {
        out_of_memory(request); /* rounding and the header below must not wrap */
    }
    size_t size = (request + ALIGN - 1) & ~(size_t) (ALIGN - 1);
    if (size == 0) {
        size = ALIGN;
    }
    if (size <= SMALL_MAX) {
        void **list = &a->free_lists[size / ALIGN - 1];
        if (*list) {
            void *p = *list;
            *list = *(void **) p;
            return p;
        }
    }
    if ((size_t) (a->limit - a->cursor) < size + HEADER) {
        grow(a, size + HEADER);
    }
    Header *h = (Header *) a->cursor;
    h->size = size;
    h->from = FROM_ARENA;
    a->cursor += HEADER + size;
    return h + 1;
}

static void arena_free(SreArena *a, Header *h) {
    void *p = h + 1;
    if (h->size <= SMALL_MAX) {
        *(void **) p = a->free_lists[h->size / ALIGN - 1];
        a->free_lists[h->size / ALIGN - 1] = p;
    } else if ((char *) p + h->size == a->cursor) {
        a->cursor = (char *) h; /* the newest block: give it back */
    } /* else: reclaimed when the arena is reset */
}

static void *heap_alloc(size_t size) {
    if (size > MAX_REQUEST) {
        out_of_memory(size);
    }
    Header *h = malloc(HEADER + size);
    if (!h) {
        out_of_memory(size);
    }
    h->size = size;
    h->from = FROM_HEAP;
    return h + 1;
}

void *sre_malloc(size_t size) {
    return active ? arena_alloc(active, size) : heap_alloc(size);
}

void *sre_calloc(size_t count, size_t size) {
    if (size && count > SIZE_MAX / size) {
        out_of_memory(SIZE_MAX);
    }
    void *p = sre_malloc(count * size);
    memset(p, 0, count * size);
    return p;
}

void sre_free(void *ptr) {
    if (!ptr) {
        return;
    }
    Header *h = (Header *) ptr - 1;
    if (h->from == FROM_HEAP) {
        free(h);
    } else if (active) {
        arena_free(active, h);
    } /* an arena block freed outside its parse: the arena's reset already took it back */
}

void *sre_realloc(void *ptr, size_t size) {
    if (!ptr) {
        return sre_malloc(size);
    }
    Header *h = (Header *) ptr - 1;
    if (size > MAX_REQUEST) {
        out_of_memory(size);
    }
    if (h->from == FROM_HEAP) {
        Header *grown = realloc(h, HEADER + size);
        if (!grown) {
            out_of_memory(size);
        }
        grown->size = size;
        return grown + 1;
    }
    if (size <= h->size) {
        return ptr;
    }
    SreArena *a = active;
    size_t want = (size + ALIGN - 1) & ~(size_t) (ALIGN - 1);
    if (a && (char *) ptr + h->size == a->cursor && (size_t) (a->limit - (char *) ptr) >= want) {
        a->cursor = (char *) ptr + want; /* the newest block grows in place */
        h->size = want;
        return ptr;
    }
    void *moved = sre_malloc(size);
    memcpy(moved, ptr, h->size);
    sre_free(ptr);
    return moved;
}
