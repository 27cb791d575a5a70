/* main.c — xianfeng-portal (contract stub)
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

int
main (int argc, char **argv)
{
  return 1;
}
