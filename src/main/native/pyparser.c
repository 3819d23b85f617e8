/*
 * sre-review's fast Python parser: tree-sitter's core and its Python grammar, compiled with -O2 by build.sh,
 * behind one JNI call per file that hands back the whole tree of named nodes as an int array.
 *
 * Why it exists: the Java binding's prebuilt libraries are compiled without optimisation and cost several JNI
 * calls (each with class and field lookups) per node; parsing and copying a tree that way was most of a
 * review's evidence time (docs/pyrules.md). The binding stays the fallback when this library is absent.
 *
 * The result: the number of records, then RECORD ints per named node in pre-order (a parent always precedes its
 * children), in the caller's array when it is long enough (it is reused from file to file), else in a new one:
 *   symbol id, field id (0 = none), start byte, end byte, index of the parent's record (-1 for the root),
 *   start row, end row (the row of the node's last byte, so a node ending at a newline ends on that line),
 *   number of named children.
 * Anonymous tokens (punctuation, keywords) are not recorded and their subtrees are not walked, as in the
 * binding-based builder, so both produce the same tree.
 *
 * Memory: the Java handle is an arena (arena.h). Every parse builds its own parser, tree and records in it and
 * resets it when the records are copied out, so no tree is ever deleted node by node.
 */
#include <jni.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <tree_sitter/api.h>

#include "arena.h"

const TSLanguage *tree_sitter_python(void);

enum { RECORD = 8 };

typedef struct {
    jint *data;
    size_t len;
    size_t cap; /* sized from the tree's visible-node count, which bounds the records; grown if ever not */
} IntBuffer;

static void throw_named(JNIEnv *env, const char *cls, const char *msg) {
    jclass c = (*env)->FindClass(env, cls);
    if (c) {
        (*env)->ThrowNew(env, c, msg);
    }
}

/* Named as the binding decides it: a regular symbol, or a built-in one (ERROR) outside the symbol table. */
static int is_named(const TSLanguage *lang, uint32_t symbol_count, TSSymbol sym) {
    return sym >= symbol_count || ts_language_symbol_type(lang, sym) == TSSymbolTypeRegular;
}

/* Appends the cursor's node; returns its record index, or -1 when the node is anonymous (not recorded). */
static jint record(IntBuffer *out, const TSLanguage *lang, uint32_t symbol_count, TSTreeCursor *cursor,
                   jint parent, int force) {
    TSNode node = ts_tree_cursor_current_node(cursor);
    TSSymbol sym = ts_node_symbol(node);
    if (!force && !is_named(lang, symbol_count, sym)) {
        return -1;
    }
    if (out->len + RECORD > out->cap) {
        out->cap = out->cap * 2 + RECORD;
        out->data = sre_realloc(out->data, out->cap * sizeof(jint));
    }
    jint index = (jint) (out->len / RECORD);
    jint *r = out->data + out->len;
    uint32_t start = ts_node_start_byte(node);
    uint32_t end = ts_node_end_byte(node);
    TSPoint from = ts_node_start_point(node);
    TSPoint to = ts_node_end_point(node);
    r[0] = (jint) sym;
    r[1] = (jint) ts_tree_cursor_current_field_id(cursor);
    r[2] = (jint) start;
    r[3] = (jint) end;
    r[4] = parent;
    r[5] = (jint) from.row;
    r[6] = (jint) (end > start && to.column == 0 && to.row > from.row ? to.row - 1 : to.row);
    r[7] = 0;
    if (parent >= 0) {
        out->data[(size_t) parent * RECORD + 7]++;
    }
    out->len += RECORD;
    return index;
}

/* A parser for one file, allocated in the entered arena (dropped with it); NULL when the grammar is rejected. */
static TSParser *parser_in_arena(void) {
    TSParser *parser = ts_parser_new();
    if (!ts_parser_set_language(parser, tree_sitter_python())) {
        return NULL;
    }
    return parser;
}

/* The handle is an arena: each parse builds its parser, tree and records there and resets it afterwards. */
JNIEXPORT jlong JNICALL Java_dev_srereview_evidence_python_NativePython_newParser(JNIEnv *env, jclass cls) {
    (void) env;
    (void) cls;
    SreArena *arena = sre_arena_new();
    if (!arena) {
        return 0;
    }
    sre_arena_enter(arena);
    int accepted = parser_in_arena() != NULL; /* the grammar's ABI against the core's, checked once */
    sre_arena_leave();
    sre_arena_reset(arena);
    if (!accepted) {
        sre_arena_destroy(arena);
        return 0;
    }
    return (jlong) (intptr_t) arena;
}

JNIEXPORT void JNICALL Java_dev_srereview_evidence_python_NativePython_deleteParser(JNIEnv *env, jclass cls,
                                                                                   jlong handle) {
    (void) env;
    (void) cls;
    sre_arena_destroy((SreArena *) (intptr_t) handle);
}

JNIEXPORT jobjectArray JNICALL Java_dev_srereview_evidence_python_NativePython_names(JNIEnv *env, jclass cls,
                                                                                    jboolean fields) {
    (void) cls;
    const TSLanguage *lang = tree_sitter_python();
    /* field ids start at 1; index 0 stays null ("no field") */
    uint32_t count = fields ? ts_language_field_count(lang) + 1 : ts_language_symbol_count(lang);
    jclass string = (*env)->FindClass(env, "java/lang/String");
    if (!string) {
        return NULL;
    }
    jobjectArray out = (*env)->NewObjectArray(env, (jsize) count, string, NULL);
    if (!out) {
        return NULL;
    }
    for (uint32_t i = fields ? 1 : 0; i < count; i++) {
        const char *name = fields ? ts_language_field_name_for_id(lang, (TSFieldId) i)
                                  : ts_language_symbol_name(lang, (TSSymbol) i);
        if (!name) {
            continue;
        }
        jstring s = (*env)->NewStringUTF(env, name);
        if (!s) {
            return NULL;
        }
        (*env)->SetObjectArrayElement(env, out, (jsize) i, s);
        (*env)->DeleteLocalRef(env, s);
    }
    return out;
}

/* Records the named nodes of tree in pre-order into out (sized for every visible node). */
static void walk(TSTree *tree, IntBuffer *out) {
    const TSLanguage *lang = ts_tree_language(tree);
    uint32_t symbol_count = ts_language_symbol_count(lang);
    size_t depth_cap = 256;
    size_t depth = 0;
    jint *parents = sre_malloc(depth_cap * sizeof(jint)); /* record indices of the cursor's ancestors */
    TSTreeCursor cursor = ts_tree_cursor_new(ts_tree_root_node(tree));
    jint current = record(out, lang, symbol_count, &cursor, -1, 1);
    while (1) {
        if (current >= 0 && ts_tree_cursor_goto_first_child(&cursor)) {
            if (depth == depth_cap) {
                depth_cap *= 2;
                parents = sre_realloc(parents, depth_cap * sizeof(jint));
            }
            parents[depth++] = current;
            current = record(out, lang, symbol_count, &cursor, current, 0);
            continue;
        }
        while (1) {
            if (ts_tree_cursor_goto_next_sibling(&cursor)) {
                current = record(out, lang, symbol_count, &cursor, parents[depth - 1], 0);
                break;
            }
            if (depth == 0 || !ts_tree_cursor_goto_parent(&cursor)) {
                return; /* back at the root: done (the arena takes the cursor and the stack) */
            }
            depth--;
        }
    }
}

JNIEXPORT jintArray JNICALL Java_dev_srereview_evidence_python_NativePython_parse(JNIEnv *env, jclass cls,
                                                                                 jlong handle, jbyteArray source,
                                                                                 jintArray into) {
    (void) cls;
    SreArena *arena = (SreArena *) (intptr_t) handle;
    if (!arena || !source) {
        throw_named(env, "java/lang/IllegalArgumentException", "no parser or no source");
        return NULL;
    }
    jsize length = (*env)->GetArrayLength(env, source);
    sre_arena_enter(arena);
    char *text = sre_malloc(length > 0 ? (size_t) length : 1);
    (*env)->GetByteArrayRegion(env, source, 0, length, (jbyte *) text);
    TSParser *parser = parser_in_arena();
    TSTree *tree = parser ? ts_parser_parse_string(parser, NULL, text, (uint32_t) length) : NULL;
    IntBuffer out = {0};
    if (tree) {
        out.cap = (size_t) ts_node_descendant_count(ts_tree_root_node(tree)) * RECORD;
        out.data = sre_malloc(out.cap * sizeof(jint));
        walk(tree, &out);
    }
    sre_arena_leave();
    jintArray result = NULL;
    jsize need = (jsize) (out.len + 1);
    jint count = (jint) (out.len / RECORD);
    if (!tree) {
        throw_named(env, "java/lang/IllegalStateException", "tree-sitter returned no tree");
    } else if ((into && (*env)->GetArrayLength(env, into) >= need && (result = into))
               || (result = (*env)->NewIntArray(env, need))) {
        (*env)->SetIntArrayRegion(env, result, 0, 1, &count);
        (*env)->SetIntArrayRegion(env, result, 1, (jsize) out.len, out.data);
    }
    sre_arena_reset(arena); /* parser, tree, cursor and records in one go: no per-node frees */
    return result;
}
