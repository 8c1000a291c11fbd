// A library the publish tests preload into `dossier publish` (LD_PRELOAD):
// its flock(2) fails as on a share whose server does not lock (NFS without
// lockd answers ENOLCK), so the test sees what a user of such a share sees.
#include <cerrno>

extern "C" int flock(int, int) {
  errno = ENOLCK;
  return -1;
}
