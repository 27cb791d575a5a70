/* xf-cli-stubs.c — placeholders until each subcommand lands in its own file.
 * Remove a function here when its real file is added to meson.build. */

#include "config.h"
#include "xf-cli.h"

