#ifndef TAPHUAN_CZLIB_SHIM_H
#define TAPHUAN_CZLIB_SHIM_H
#include <zlib.h>
#endif
