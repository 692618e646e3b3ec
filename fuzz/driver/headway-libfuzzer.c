// The bridge between libFuzzer and a .NET fuzz target run by SharpFuzz (Fuzzer.LibFuzzer.Run).
//
// libFuzzer lives in this native process; the code under test lives in a `dotnet` child. They share one System V
// memory segment: its first MAP_BYTES are the coverage map SharpFuzz's instrumentation writes (AFL style, one byte
// per edge), the rest holds the current input. Two pipes carry the handshake: this side writes the input's length
// (int32) on the control pipe, the child runs the target and answers a status (int32, 0 = fine) on the status pipe.
// SharpFuzz finds the segment and the pipes through the __LIBFUZZER_* environment variables set below.
//
// After each run the coverage map is copied into libFuzzer's "extra counters", so libFuzzer steers by the managed
// code's coverage. A non-zero status (an exception escaped the target) or a child that died (stack overflow,
// FailFast) aborts this process, which libFuzzer reports as a crash and saves the input as an artifact; a hang is
// caught by libFuzzer's own -timeout. The child is killed with this process (PR_SET_PDEATHSIG), so a timeout never
// leaves a spinning dotnet behind.
//
// Usage: headway-libfuzzer [libFuzzer flags] [corpus dirs] --exec=PROGRAM [--arg=ARG ...]
// libFuzzer ignores flags that start with "--"; this file reads them.
//
// Build: clang -O1 -fsanitize=fuzzer headway-libfuzzer.c -o headway-libfuzzer

#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/shm.h>
#include <unistd.h>

enum {
    MAP_BYTES = 1 << 16,    // SharpFuzz's coverage map size (Fuzzer.MapSize)
    INPUT_BYTES = 1 << 20,  // the largest input passed; run libFuzzer with -max_len at most this
    CONTROL_FD = 198,       // the child's end of the control pipe (it reads lengths)
    STATUS_FD = 199,        // the child's end of the status pipe (it writes statuses)
    MAX_ARGS = 64,
};

__attribute__((section("__libfuzzer_extra_counters"))) uint8_t coverage[MAP_BYTES];

static uint8_t *shared;
static int shm_id = -1;
static int control_out = -1;
static int status_in = -1;

static void fail(const char *what) {
    fprintf(stderr, "headway-libfuzzer: %s: %s\n", what, strerror(errno));
    exit(1);
}

static void drop_segment(void) {
    if (shm_id >= 0) {
        shmctl(shm_id, IPC_RMID, NULL);
    }
}

// Reads or writes exactly 4 bytes, retrying on EINTR. Returns the byte count moved before EOF/error (4 = success).
static ssize_t move_int32(int fd, int32_t *value, int writing) {
    size_t done = 0;
    while (done < sizeof *value) {
        ssize_t n = writing ? write(fd, (char *)value + done, sizeof *value - done)
                            : read(fd, (char *)value + done, sizeof *value - done);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return (ssize_t)done;
        }
        done += (size_t)n;
    }
    return (ssize_t)done;
}

static const char *flag_value(const char *arg, const char *name) {
    size_t len = strlen(name);
    return strncmp(arg, name, len) == 0 && arg[len] == '=' ? arg + len + 1 : NULL;
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    char *child_argv[MAX_ARGS + 2];
    int child_argc = 0;
    const char *program = NULL;

    for (int i = 1; i < *argc; i++) {
        const char *v;
        if ((v = flag_value((*argv)[i], "--exec")) != NULL) {
            program = v;
        } else if ((v = flag_value((*argv)[i], "--arg")) != NULL) {
            if (child_argc == MAX_ARGS) {
                fprintf(stderr, "headway-libfuzzer: more than %d --arg flags\n", MAX_ARGS);
                exit(1);
            }
            child_argv[1 + child_argc++] = (char *)v;
        }
    }
    if (program == NULL) {
        fprintf(stderr, "headway-libfuzzer: give the target with --exec=PROGRAM [--arg=ARG ...]\n");
        exit(1);
    }
    child_argv[0] = (char *)program;
    child_argv[1 + child_argc] = NULL;

    int control[2], status[2];
    if (pipe(control) != 0 || pipe(status) != 0) {
        fail("pipe");
    }

    shm_id = shmget(IPC_PRIVATE, MAP_BYTES + INPUT_BYTES, IPC_CREAT | IPC_EXCL | 0600);
    if (shm_id < 0) {
        fail("shmget");
    }
    atexit(drop_segment);
    shared = shmat(shm_id, NULL, 0);
    if (shared == (void *)-1) {
        fail("shmat");
    }

    pid_t parent = getpid();
    pid_t child = fork();
    if (child < 0) {
        fail("fork");
    }
    if (child == 0) {
        // Die with the fuzzer, whatever way it ends (a timeout ends it with _Exit, which runs no cleanup).
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != parent) {
            _exit(1);
        }
        if (dup2(control[0], CONTROL_FD) < 0 || dup2(status[1], STATUS_FD) < 0) {
            fail("dup2");
        }
        close(control[0]);
        close(control[1]);
        close(status[0]);
        close(status[1]);

        char id[16];
        snprintf(id, sizeof id, "%d", shm_id);
        setenv("__LIBFUZZER_SHM_ID", id, 1);
        setenv("__LIBFUZZER_CONTROL_PIPE_ID", "198", 1);
        setenv("__LIBFUZZER_STATUS_PIPE_ID", "199", 1);
        execvp(program, child_argv);
        fail(program);
    }

    close(control[0]);
    close(status[1]);
    control_out = control[1];
    status_in = status[0];
    // A write to a dead child must come back as EPIPE (reported below), not kill us silently.
    signal(SIGPIPE, SIG_IGN);

    // The child says 0 once it has attached the segment and is ready for the first input.
    int32_t ready = -1;
    if (move_int32(status_in, &ready, 0) != sizeof ready || ready != 0) {
        fprintf(stderr, "headway-libfuzzer: %s did not start as a SharpFuzz libFuzzer target\n", program);
        exit(1);
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size > INPUT_BYTES) {
        fprintf(stderr, "headway-libfuzzer: an input of %zu bytes is over the %d-byte limit; lower -max_len\n", size, INPUT_BYTES);
        exit(1);
    }

    memset(shared, 0, MAP_BYTES);
    memcpy(shared + MAP_BYTES, data, size);

    int32_t length = (int32_t)size;
    if (move_int32(control_out, &length, 1) != sizeof length) {
        fprintf(stderr, "headway-libfuzzer: the .NET target is gone (it died on the previous input)\n");
        abort();
    }

    int32_t status = 0;
    ssize_t got = move_int32(status_in, &status, 0);
    memcpy(coverage, shared, MAP_BYTES);

    if (got != sizeof status) {
        fprintf(stderr, "headway-libfuzzer: the .NET target died on this input (stack overflow, FailFast or out of memory)\n");
        abort();
    }
    if (status != 0) {
        fprintf(stderr, "headway-libfuzzer: the .NET target threw an exception on this input (see above)\n");
        abort();
    }
    return 0;
}
