#ifndef CPLUGINSPAWN_H
#define CPLUGINSPAWN_H
#include <spawn.h>

/// pipe2(fds, O_CLOEXEC): a pipe whose ends no other child inherits. Returns 0 or -1 (errno).
int descent_pipe_cloexec(int fds[2]);

/// posix_spawn_file_actions_addchdir_np where the C library has it (glibc >= 2.29, macOS 10.15);
/// returns its result, or ENOSYS without it.
int descent_spawn_addchdir(posix_spawn_file_actions_t *actions, const char *path);

#endif
