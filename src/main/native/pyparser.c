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
#include <tree_sitter/api.h>

/* tree-sitter's internals (lib/src): the walk reads subtrees directly */
#include "language.h"
#include "length.h"
#include "subtree.h"
#include "tree.h"

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

/* Appends one node's record (its start is pos, its extent size); returns its record index. */
static jint record(IntBuffer *out, TSSymbol sym, TSFieldId field, Length pos, Length size, jint parent) {
    if (out->len + RECORD > out->cap) {
        out->cap = out->cap * 2 + RECORD;
        out->data = sre_realloc(out->data, out->cap * sizeof(jint));
    }
    jint index = (jint) (out->len / RECORD);
    jint *r = out->data + out->len;
    Length end = length_add(pos, size);
    r[0] = (jint) sym;
    r[1] = (jint) field;
    r[2] = (jint) pos.bytes;
    r[3] = (jint) end.bytes;
    r[4] = parent;
    r[5] = (jint) pos.extent.row;
    r[6] = (jint) (end.bytes > pos.bytes && end.extent.column == 0 && end.extent.row > pos.extent.row
                       ? end.extent.row - 1 : end.extent.row);
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

/*
 * The children of one node being walked: the iteration of tree-sitter's TSTreeCursor (tree_cursor.c), kept on our
 * own stack.
 * A hidden node (a grammar rule like _expression) is transparent: its children count as its visible parent's,
 * and a field that names the hidden node's slot is the field of those children that have none of their own.
 */
typedef struct {
    Subtree node;
    uint32_t child_index;
    uint32_t structural_child_index;
    const TSSymbol *alias_sequence;
    const TSFieldMapEntry *fields;
    const TSFieldMapEntry *fields_end;
    Length position; /* start of the child at child_index */
    jint owner;      /* record of the nearest visible ancestor: the recorded parent of what is found here */
    TSFieldId up;    /* the field a child without its own takes (non-zero only under a hidden node) */
} Frame;

static Frame frame_of(const TSLanguage *lang, Subtree node, Length position, jint owner, TSFieldId up) {
    Frame f = {.node = node, .position = position, .owner = owner, .up = up};
    f.alias_sequence = ts_language_alias_sequence(lang, node.ptr->production_id);
    ts_language_field_map(lang, node.ptr->production_id, &f.fields, &f.fields_end);
    return f;
}

/*
 * Records the named nodes of tree in pre-order into out: the nodes, fields and positions that TSTreeCursor's
 * walk yields (TreeParsersTest holds it to the Java binding's cursor), read straight from the subtrees. The
 * cursor recomputed each node's field, alias and symbol from its stack on every step: a sixth of the parse.
 */
static void walk(const TSTree *tree, IntBuffer *out) {
    const TSLanguage *lang = tree->language;
    uint32_t symbol_count = ts_language_symbol_count(lang);
    Subtree root = tree->root;
    Length root_position = ts_subtree_padding(root);
    jint root_record = record(out, ts_language_public_symbol(lang, ts_subtree_symbol(root)), 0, root_position,
                              ts_subtree_size(root), -1);
    if (ts_subtree_child_count(root) == 0) {
        return;
    }
    size_t cap = 64;
    size_t depth = 0;
    Frame *stack = sre_malloc(cap * sizeof(Frame)); /* the arena takes it back with the tree */
    stack[depth++] = frame_of(lang, root, root_position, root_record, 0);
    while (depth > 0) {
        Frame *f = &stack[depth - 1];
        uint32_t count = ts_subtree_child_count(f->node);
        if (f->child_index == count) {
            depth--;
            continue;
        }
        const Subtree *children = ts_subtree_children(f->node);
        Subtree child = children[f->child_index];
        Length position = f->position;
        bool extra = ts_subtree_extra(child);
        TSSymbol alias = 0;
        TSFieldId field = 0;
        if (!extra) {
            uint32_t slot = f->structural_child_index++;
            if (f->alias_sequence) {
                alias = f->alias_sequence[slot];
            }
            for (const TSFieldMapEntry *m = f->fields; m < f->fields_end; m++) {
                if (!m->inherited && m->child_index == slot) {
                    field = m->field_id;
                    break;
                }
            }
            if (!field) {
                field = f->up;
            }
        }
        f->position = length_add(position, ts_subtree_size(child));
        if (++f->child_index < count) {
            f->position = length_add(f->position, ts_subtree_padding(children[f->child_index]));
        }
        jint owner = f->owner;
        TSFieldId up = 0;
        if (ts_subtree_visible(child) || alias) {
            TSSymbol sym = ts_language_public_symbol(lang, alias ? alias : ts_subtree_symbol(child));
            if (!is_named(lang, symbol_count, sym)) {
                continue; /* punctuation and keywords: neither recorded nor entered */
            }
            owner = record(out, sym, field, position, ts_subtree_size(child), owner);
        } else if (ts_subtree_visible_child_count(child) > 0) {
            up = field; /* hidden: its visible children stand in its place */
        } else {
            continue;
        }
        if (ts_subtree_child_count(child) > 0) {
            if (depth == cap) {
                cap *= 2;
                stack = sre_realloc(stack, cap * sizeof(Frame));
            }
            stack[depth++] = frame_of(lang, child, position, owner, up);
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
    sre_arena_reset(arena); /* parser, tree, walk stack and records in one go: no per-node frees */
    return result;
}
