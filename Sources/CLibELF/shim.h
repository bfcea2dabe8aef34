#ifndef TINYRV_CLIBELF_SHIM_H
#define TINYRV_CLIBELF_SHIM_H
#include <libelf.h>
#include <gelf.h>
#endif
