// Crash safety of the .archfit project file (analysis/store/project_store.cpp, docs/reliability.md):
// a save killed with SIGKILL at a random moment, over and over; a full disk (a small tmpfs,
// when this process may mount one); a read-only file.

#include "archfit/store/project_store.h"

#include "store_test_util.h"

#include <gtest/gtest.h>

#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace archfit;
using store_test::readBytes;
using store_test::tempFilesIn;

namespace {

constexpr std::size_t kWorkloadPad = 1u << 20;  // 1 MB: long enough a save to be hit mid-way
constexpr std::size_t kAnalysisPad = 256u << 10;

// Project state number `gen`: every table carries it, and the padding is one letter chosen by
// it, so a file mixing two states (one table old, one new, or a half-written blob) is detected.
ProjectData state(int gen)
{
    const char letter = static_cast<char>('a' + gen % 26);
    ProjectData d;
    d.workloadJson = "{\"gen\":" + std::to_string(gen) + ",\"pad\":\""
                     + std::string(kWorkloadPad, letter) + "\"}";
    d.settingsJson = "{\"gen\":" + std::to_string(gen) + "}";
    d.analysisJson = "{\"gen\":" + std::to_string(gen) + ",\"pad\":\""
                     + std::string(kAnalysisPad, letter) + "\"}";
    return d;
}

// The state number the loaded project holds, or -1 (with the reason in `why`) when its tables
// disagree or differ in any byte from state(gen).
int stateOf(const ProjectData& loaded, std::string& why)
{
    const std::string prefix = "{\"gen\":";
    if (loaded.settingsJson.compare(0, prefix.size(), prefix) != 0) {
        why = "settings without gen: " + loaded.settingsJson.substr(0, 40);
        return -1;
    }
    const int gen = std::stoi(loaded.settingsJson.substr(prefix.size()));
    const ProjectData expected = state(gen);
    if (loaded.workloadJson != expected.workloadJson) {
        why = "workload is not state " + std::to_string(gen);
        return -1;
    }
    if (loaded.analysisJson != expected.analysisJson) {
        why = "analysis is not state " + std::to_string(gen);
        return -1;
    }
    if (loaded.settingsJson != expected.settingsJson) {
        why = "settings is not state " + std::to_string(gen);
        return -1;
    }
    return gen;
}

class ScratchDir {
public:
    // `inMemory`: under /dev/shm when there is one. A SIGKILL ends the process, not the
    // machine, so what a kill can break is the same in the page cache as on disk; without the
    // disk's fsync a save takes milliseconds instead of a second on a busy disk.
    explicit ScratchDir(const std::string& tag, bool inMemory = false)
        : m_dir((inMemory && ::access("/dev/shm", W_OK) == 0 ? fs::path("/dev/shm")
                                                              : fs::temp_directory_path())
                / ("archfit_" + tag + "_" + std::to_string(::getpid())))
    {
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
    }
    ~ScratchDir()
    {
        std::error_code ec;
        fs::remove_all(m_dir, ec);
    }
    const fs::path& path() const { return m_dir; }

private:
    fs::path m_dir;
};

}  // namespace

// 100 rounds: a child saves state g+1 over a file holding state g, again and again, and is
// killed with SIGKILL after a random delay of 0 to 2 save durations. The file must then load
// and hold exactly state g or g+1. A killed save may leave its temporary file (nothing runs
// after SIGKILL), but the next save removes it: never more than one is found, none at the end.
TEST(KillDuringSave, FileAlwaysHoldsPreviousOrNewStateAndTempsAreSwept)
{
    constexpr int kRounds = 100;
    const ScratchDir dir("kill_save", true);
    const std::string file = (dir.path() / "big.archfit").string();

    const auto t0 = std::chrono::steady_clock::now();
    ASSERT_TRUE(saveProject(file, state(0)).ok());
    const auto saveUs = std::chrono::duration_cast<std::chrono::microseconds>(
                            std::chrono::steady_clock::now() - t0).count();
    std::mt19937 rng(20260501u);
    std::uniform_int_distribution<long> delayUs(0, std::max<long>(2 * saveUs, 1000));

    int gen = 0, keptPrevious = 0, gotNew = 0, roundsWithTemp = 0;
    for (int round = 0; round < kRounds; ++round) {
        const ProjectData next = state(gen + 1);  // built before fork: the child only saves
        const pid_t child = ::fork();
        ASSERT_GE(child, 0) << std::strerror(errno);
        if (child == 0) {
            for (;;) {
                if (!saveProject(file, next).ok())
                    ::_exit(3);
            }
        }
        ::usleep(static_cast<useconds_t>(delayUs(rng)));
        ASSERT_EQ(::kill(child, SIGKILL), 0);
        int status = 0;
        ASSERT_EQ(::waitpid(child, &status, 0), child);
        ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
            << "round " << round << ": the child's save failed (exit status "
            << (WIFEXITED(status) ? WEXITSTATUS(status) : -1) << ")";

        const Result<ProjectData> loaded = loadProject(file);
        ASSERT_TRUE(loaded.ok()) << "round " << round << ": " << loaded.errorText();
        std::string why;
        const int found = stateOf(*loaded, why);
        ASSERT_TRUE(found == gen || found == gen + 1)
            << "round " << round << ": expected state " << gen << " or " << gen + 1 << ", got "
            << found << " (" << why << ")";
        (found == gen ? keptPrevious : gotNew) += 1;
        gen = found;

        // The killed save's file and, at most, its rollback journal.
        const std::vector<std::string> temps = tempFilesIn(dir.path());
        ASSERT_LE(temps.size(), 2u) << "round " << round << ": " << temps.size() << " temp files";
        roundsWithTemp += temps.empty() ? 0 : 1;
    }
    ASSERT_TRUE(saveProject(file, state(gen + 1)).ok());
    EXPECT_TRUE(tempFilesIn(dir.path()).empty());
    std::string why;
    EXPECT_EQ(stateOf(*loadProject(file), why), gen + 1) << why;

    std::printf("[ kill-9 ] %d rounds, one save %.1f ms: %d kept the previous state, %d held the new "
                "one, %d left a temp file that the next save removed\n",
                kRounds, static_cast<double>(saveUs) / 1000.0, keptPrevious, gotNew, roundsWithTemp);
    // Both outcomes must occur, or the kills did not land during saves and the test proved little.
    EXPECT_GT(keptPrevious, 0);
    EXPECT_GT(gotNew, 0);
}

// A temporary file of a save in progress (locked) is left alone by another save's sweep; an
// abandoned one (unlocked) and an orphaned journal are removed; unrelated files stay.
TEST(KillDuringSave, SweepRemovesOnlyAbandonedTemps)
{
    const ScratchDir dir("sweep");
    const fs::path file = dir.path() / "p.archfit";
    const auto touch = [](const fs::path& p) { std::ofstream(p) << "x"; };
    touch(dir.path() / "p.archfit.tmp-0123456789ab");
    touch(dir.path() / "p.archfit.tmp-0123456789ab-journal");
    touch(dir.path() / "p.archfit.tmp-fedcba987654-journal");  // its database is gone
    touch(dir.path() / "p.archfit.tmp-notours");
    touch(dir.path() / "other.archfit.tmp-0123456789ab");
    ASSERT_TRUE(saveProject(file.string(), state(1)).ok());

    std::vector<std::string> left = tempFilesIn(dir.path());
    std::sort(left.begin(), left.end());
    EXPECT_EQ(left, (std::vector<std::string>{"other.archfit.tmp-0123456789ab", "p.archfit.tmp-notours"}));
}

// The file's write bits are all off: saving over it is refused (even as root) and it is unchanged;
// it still opens.
TEST(ProjectFileLimits, ReadOnlyFileIsNotOverwritten)
{
    const ScratchDir dir("readonly");
    const std::string file = (dir.path() / "p.archfit").string();
    ASSERT_TRUE(saveProject(file, state(1)).ok());
    ASSERT_EQ(::chmod(file.c_str(), 0444), 0);
    const std::string before = readBytes(file);

    const Result<bool> saved = saveProject(file, state(2));
    ASSERT_FALSE(saved.ok());
    EXPECT_EQ(saved.errors()[0].code, "io");
    EXPECT_NE(saved.errorText().find("read-only"), std::string::npos) << saved.errorText();
    EXPECT_NE(saved.errorText().find(file), std::string::npos) << saved.errorText();
    EXPECT_EQ(readBytes(file), before);
    EXPECT_TRUE(tempFilesIn(dir.path()).empty());
    std::string why;
    EXPECT_EQ(stateOf(*loadProject(file), why), 1) << why;
}

// A real full disk: a 3 MB tmpfs holding a 1 MB project, then a 5 MB save. Needs the right to
// mount (root in CI containers); skipped otherwise (SaveFailingMidWriteKeepsOldFileAndLeavesNoTemp
// covers the same path with RLIMIT_FSIZE everywhere).
TEST(ProjectFileLimits, FullDiskKeepsOldFileWithClearMessage)
{
    const ScratchDir dir("fulldisk");
    const fs::path mnt = dir.path() / "mnt";
    fs::create_directories(mnt);
    if (::mount("tmpfs", mnt.c_str(), "tmpfs", 0, "size=3m") != 0)
        GTEST_SKIP() << "cannot mount a tmpfs here: " << std::strerror(errno);
    struct Unmount {
        const fs::path& p;
        ~Unmount() { ::umount2(p.c_str(), MNT_DETACH); }
    } unmount{mnt};

    const std::string file = (mnt / "p.archfit").string();
    ProjectData small;
    small.workloadJson = "{\"small\":\"" + std::string(1u << 20, 's') + "\"}";
    ASSERT_TRUE(saveProject(file, small).ok());
    const std::string before = readBytes(file);

    ProjectData big;
    big.workloadJson = "{\"big\":\"" + std::string(5u << 20, 'b') + "\"}";
    const Result<bool> saved = saveProject(file, big);  // 5 MB: does not fit
    ASSERT_FALSE(saved.ok());
    EXPECT_EQ(saved.errors()[0].code, "io");
    EXPECT_NE(saved.errorText().find(file), std::string::npos) << saved.errorText();
    EXPECT_NE(saved.errorText().find("full"), std::string::npos) << saved.errorText();
    EXPECT_EQ(readBytes(file), before);
    EXPECT_TRUE(tempFilesIn(mnt).empty());
    const Result<ProjectData> loaded = loadProject(file);
    ASSERT_TRUE(loaded.ok()) << loaded.errorText();
    EXPECT_EQ(loaded->workloadJson, small.workloadJson);
}
