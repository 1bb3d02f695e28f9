#ifndef CNCURSESW_H
#define CNCURSESW_H
#define _XOPEN_SOURCE_EXTENDED 1
#include <ncursesw/curses.h>
#endif
