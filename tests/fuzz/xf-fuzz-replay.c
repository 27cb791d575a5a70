/* xf-fuzz-replay.c — runs a fuzz harness over its corpus, as a test
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   fuzz-NAME [--tap] FILE-OR-FOLDER…
 *
 * Without libFuzzer (gcc, or -Dfuzzing=false) a harness links with this
 * main (): it gives LLVMFuzzerTestOneInput () every file named, and every
 * file of every folder named (sorted, not recursive; a missing folder is
 * skipped: regressions/NAME/ exists only once something was found), once
 * each, and prints one TAP line per file. A crash or a failed assertion
 * ends the run, as it would under the fuzzer.
 */

#include <stdio.h>
#include <string.h>

#include "xf-fuzz.h"

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Adds @arg, or the files of the folder @arg, to @paths. */
static void
collect (const char *arg,
         GPtrArray  *paths)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  const char *name;

  if (!g_file_test (arg, G_FILE_TEST_IS_DIR))
    {
      if (g_file_test (arg, G_FILE_TEST_EXISTS))
        g_ptr_array_add (paths, g_strdup (arg));
      return;
    }
  dir = g_dir_open (arg, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (arg, name, NULL);

      /* README files say what a folder is for; they are not inputs. */
      if (name[0] == '.' || g_str_has_prefix (name, "README") || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;
      g_ptr_array_add (found, g_steal_pointer (&path));
    }
  g_ptr_array_sort (found, compare_names);
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (paths, found->pdata[i]);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  char **args = argv;

  LLVMFuzzerInitialize (&argc, &args);
  for (int i = 1; i < argc; i++)
    if (strcmp (argv[i], "--tap") != 0)
      collect (argv[i], paths);

  if (paths->len == 0)
    {
      printf ("1..0 # SKIP no inputs\n");
      return 0;
    }
  printf ("1..%u\n", paths->len);
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = paths->pdata[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      gsize length = 0;

      g_assert_true (g_file_get_contents (path, &contents, &length, &error));
      g_assert_no_error (error);
      /* Its own copy, exactly @length long, so ASan sees a read past the end. */
      {
        uint8_t *copy = g_memdup2 (contents, length);

        LLVMFuzzerTestOneInput (copy, length);
        g_free (copy);
      }
      printf ("ok %u %s\n", i + 1, path);
      fflush (stdout);
    }
  return 0;
}
