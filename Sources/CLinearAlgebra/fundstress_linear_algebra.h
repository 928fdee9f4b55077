// Umbrella header for CBLAS (OpenBLAS) and LAPACKE.
//
// The name and include guard are unique on purpose: a shim named `cblas.h` guarded by
// `CBLAS_H` would collide with the real header's guard and silently empty the module.
// Debian builds OpenBLAS without LAPACKE, so the module map links `lapacke` as well.
#ifndef FUNDSTRESS_LINEAR_ALGEBRA_H
#define FUNDSTRESS_LINEAR_ALGEBRA_H

#define HAVE_LAPACK_CONFIG_H
#define LAPACK_COMPLEX_STRUCTURE
#include <cblas.h>
#include <lapacke.h>

#endif
