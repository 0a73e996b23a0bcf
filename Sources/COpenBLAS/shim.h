// OpenBLAS's CBLAS interface (Debian: libopenblas-serial-dev, whose pkg-config file `openblas`
// points at this header's directory) with openblas_set_num_threads.
#include <cblas.h>
