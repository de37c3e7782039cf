#ifndef TAPHUAN_CLIBXML2_SHIM_H
#define TAPHUAN_CLIBXML2_SHIM_H
// Debian builds libxml2 with ICU; its headers would then pull ICU's C headers into this module,
// which clash with the copy Foundation carries. Nothing here touches the ICU-only fields.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
#endif
