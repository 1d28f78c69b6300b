#include <sqlite3.h>

/// Turns off SQLite's memory-use statistics (a mutex and counters around every allocation).
/// Must run before the library initialises; `sqlite3_config` is variadic, which Swift cannot call.
static inline int jobmatch_sqlite3_disable_memstatus(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
