#include "archfit/store/project_store.h"

#include "archfit/util/version.h"
#include "store/project_store_extras.h"
#include "store/sqlite_handle.h"

#include <sqlite3.h>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <optional>
#include <random>
#include <vector>

namespace archfit {

namespace {

namespace fs = std::filesystem;
using sqlite::Database;
using sqlite::Statement;
using sqlite::Transaction;

constexpr const char* kFormat = "archfit-project";
// The 16-byte SQLite file header, NUL included.
constexpr char kSqliteHeader[16] = {'S', 'Q', 'L', 'i', 't', 'e', ' ', 'f',
                                    'o', 'r', 'm', 'a', 't', ' ', '3', '\0'};

Diagnostic makeDiagnostic(const std::string& path, const std::string& code,
                          const std::string& message)
{
    Diagnostic d;
    d.file = path;
    d.code = code;
    d.message = message;
    return d;
}

std::string quotePath(const std::string& path)
{
    return '"' + path + '"';
}

std::string osError(int err)
{
    return std::strerror(err);
}

std::string nowUtc()
{
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

// Schema steps, numbered from 1. Append the next one here; never edit a released step.
std::vector<sqlite::Migration> projectMigrations()
{
    return {
        {1, "create meta, workload, settings and analysis tables",
         [](Database& db) {
             db.exec("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"
                     "CREATE TABLE workload (id INTEGER PRIMARY KEY CHECK (id = 1),"
                     " json TEXT NOT NULL);"
                     "CREATE TABLE settings (id INTEGER PRIMARY KEY CHECK (id = 1),"
                     " json TEXT NOT NULL);"
                     "CREATE TABLE analysis (id INTEGER PRIMARY KEY CHECK (id = 1),"
                     " json TEXT NOT NULL, created_utc TEXT NOT NULL);");
         }},
        {2, "create scenarios, imports and traffic tables", createProjectExtrasTables},
        {3, "keep each import's size, compression, run and window, and each run's skipped lines"
            " by reason and unmapped paths", addImportDetailTables},
        {4, "keep where each measured component's traffic came from (logs or metrics)", addTrafficSourcesTable},
    };
}

// Reads up to the first 16 bytes. False (with errno in `err`) when the file cannot be read.
bool readHeader(const std::string& path, std::string& header, int& err)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        err = errno;
        return false;
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
        err = S_ISDIR(st.st_mode) ? EISDIR : errno;
        ::close(fd);
        return false;
    }
    char buf[sizeof kSqliteHeader];
    std::size_t got = 0;
    while (got < sizeof buf) {
        const ssize_t n = ::read(fd, buf + got, sizeof buf - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            err = errno;
            ::close(fd);
            return false;
        }
        if (n == 0)
            break;
        got += static_cast<std::size_t>(n);
    }
    ::close(fd);
    header.assign(buf, got);
    return true;
}

bool isSqliteHeader(const std::string& header)
{
    return header.size() == sizeof kSqliteHeader
           && std::memcmp(header.data(), kSqliteHeader, sizeof kSqliteHeader) == 0;
}

// --------------------------------------------------------------------------------- saving

// Owns the temporary file of a save in progress: holds an flock on it (so another save's
// sweep, removeAbandonedTemps, leaves it alone) and removes it, with any rollback journal
// SQLite left, unless released after the rename.
class TempFileGuard {
public:
    TempFileGuard(std::string path, int fd) : m_path(std::move(path)), m_fd(fd) {}
    ~TempFileGuard()
    {
        if (m_armed) {
            ::unlink(m_path.c_str());
            ::unlink((m_path + "-journal").c_str());
        }
        ::close(m_fd);
    }
    TempFileGuard(const TempFileGuard&) = delete;
    TempFileGuard& operator=(const TempFileGuard&) = delete;
    void release() { m_armed = false; }

private:
    std::string m_path;
    int m_fd;
    bool m_armed = true;
};

constexpr const char* kTempMarker = ".tmp-";
constexpr std::size_t kTempSuffixLength = 12;

bool isTempSuffix(const std::string& s)
{
    return s.size() == kTempSuffixLength
           && s.find_first_not_of("0123456789abcdef") == std::string::npos;
}

// Removes the temporary files of saves of `path` that were killed before they could clean up
// (<name>.tmp-<12 hex digits> and its -journal). A live save holds an flock on its file, so
// only abandoned ones can be locked here; the inode check makes sure the name still denotes
// the file that was locked.
void removeAbandonedTemps(const std::string& path)
{
    const fs::path target(path);
    fs::path dir = target.parent_path();
    if (dir.empty())
        dir = ".";
    const std::string prefix = target.filename().string() + kTempMarker;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.compare(0, prefix.size(), prefix) != 0)
            continue;
        const std::string suffix = name.substr(prefix.size());
        const std::string file = it->path().string();
        const std::string journal = "-journal";
        if (suffix.size() == kTempSuffixLength + journal.size()
            && isTempSuffix(suffix.substr(0, kTempSuffixLength))
            && suffix.compare(kTempSuffixLength, journal.size(), journal) == 0) {
            // A journal whose database is gone belongs to nobody.
            const std::string owner = file.substr(0, file.size() - journal.size());
            if (::access(owner.c_str(), F_OK) != 0 && errno == ENOENT)
                ::unlink(file.c_str());
            continue;
        }
        if (!isTempSuffix(suffix))
            continue;
        const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
        if (fd < 0)
            continue;
        struct stat held {}, named {};
        if (::flock(fd, LOCK_EX | LOCK_NB) == 0 && ::fstat(fd, &held) == 0
            && ::lstat(file.c_str(), &named) == 0 && held.st_ino == named.st_ino
            && held.st_dev == named.st_dev) {
            ::unlink(file.c_str());
            ::unlink((file + "-journal").c_str());
        }
        ::close(fd);
    }
}

std::string randomSuffix()
{
    std::random_device device;
    std::uniform_int_distribution<unsigned> digit(0, 15);
    std::string out;
    for (int i = 0; i < 12; ++i)
        out += "0123456789abcdef"[digit(device)];
    return out;
}

Diagnostic saveError(const std::string& path, const std::string& what, int err)
{
    std::string message = "Cannot save project " + quotePath(path) + ": " + what;
    if (err != 0)
        message += ": " + osError(err);
    return makeDiagnostic(path, "io", message + ".");
}

void insertMeta(Statement& stmt, const std::string& key, const std::string& value)
{
    stmt.bind(1, key).bind(2, value);
    stmt.run();
    stmt.reset();
}

// Creates the schema and writes every table into the (empty) database file at `tmpPath`.
void writeDatabase(const std::string& tmpPath, const ProjectData& data, const std::string& now)
{
    Database db = Database::open(tmpPath, sqlite::OpenMode::ReadWrite);
    // A rollback journal (removed at commit) rather than WAL: the file must be complete on its
    // own before it is renamed into place. FULL makes the commit itself reach the disk.
    db.exec("PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL;");
    {
        Transaction transaction(db);
        sqlite::migrate(db, projectMigrations(), now);

        Statement meta(db, "INSERT INTO meta (key, value) VALUES (?1, ?2)");
        insertMeta(meta, "format", kFormat);
        insertMeta(meta, "app_version", versionString());
        insertMeta(meta, "saved_utc", now);

        Statement workload(db, "INSERT INTO workload (id, json) VALUES (1, ?1)");
        workload.bind(1, data.workloadJson).run();

        Statement settings(db, "INSERT INTO settings (id, json) VALUES (1, ?1)");
        settings.bind(1, data.settingsJson.empty() ? std::string("{}") : data.settingsJson).run();

        if (!data.analysisJson.empty()) {
            Statement analysis(db, "INSERT INTO analysis (id, json, created_utc) VALUES (1, ?1, ?2)");
            analysis.bind(1, data.analysisJson).bind(2, now).run();
        }
        writeProjectExtras(db, data);
        transaction.commit();
    }
    db.close();
}

// fsync of a file (O_RDONLY is enough on POSIX) or of a directory, so a rename survives a crash.
int syncPath(const std::string& path, bool directory)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | (directory ? O_DIRECTORY : 0));
    if (fd < 0)
        return errno;
    int err = 0;
    if (::fsync(fd) != 0)
        err = errno;
    ::close(fd);
    return err;
}

// --------------------------------------------------------------------------------- loading

std::optional<std::string> metaValue(Database& db, const std::string& key)
{
    Statement stmt(db, "SELECT value FROM meta WHERE key = ?1");
    stmt.bind(1, key);
    if (!stmt.step() || stmt.isNull(0))
        return std::nullopt;
    return stmt.text(0);
}

std::optional<std::string> singleJson(Database& db, const std::string& table)
{
    // `table` is one of our own table names, never user input.
    Statement stmt(db, "SELECT json FROM " + table + " WHERE id = 1");
    if (!stmt.step())
        return std::nullopt;
    return stmt.text(0);
}

// Reads a database already checked to be an ArchFit project at the current schema.
Result<ProjectData> readTables(Database& db, const std::string& path)
{
    ProjectData data;
    std::optional<std::string> workload = singleJson(db, "workload");
    if (!workload) {
        return makeDiagnostic(path, "corrupt",
                              "Project " + quotePath(path) + " is damaged: it has no workload.");
    }
    data.workloadJson = std::move(*workload);
    data.settingsJson = singleJson(db, "settings").value_or("{}");
    data.analysisJson = singleJson(db, "analysis").value_or("");
    data.savedByVersion = metaValue(db, "app_version").value_or("");
    data.savedUtc = metaValue(db, "saved_utc").value_or("");
    try {
        readProjectExtras(db, data);
    } catch (const std::runtime_error& e) {
        if (dynamic_cast<const sqlite::Error*>(&e))
            throw;
        return makeDiagnostic(path, "corrupt",
                              "Project " + quotePath(path) + " is damaged: " + e.what() + ".");
    }
    return data;
}

Result<ProjectData> readProject(Database& db, const std::string& path)
{
    const std::string notProject = quotePath(path) + " is a SQLite database but not an ArchFit project";
    if (!db.tableExists("meta"))
        return makeDiagnostic(path, "not_a_project", notProject + " (it has no meta table).");
    std::optional<std::string> format;
    try {
        format = metaValue(db, "format");
    } catch (const sqlite::Error& e) {
        // Another application's meta table with other columns; damage is reported elsewhere.
        if (e.code() != SQLITE_ERROR)
            throw;
    }
    if (format != std::optional<std::string>(kFormat)) {
        return makeDiagnostic(path, "not_a_project",
                              notProject + " (its meta table has no \"format\" = \""
                                  + kFormat + "\" entry).");
    }

    const int version = db.userVersion();
    if (version > kProjectSchemaVersion) {
        return makeDiagnostic(path, "newer_version",
                              quotePath(path) + " was saved by a newer ArchFit (project schema "
                                  + std::to_string(version) + "); this version reads up to schema "
                                  + std::to_string(kProjectSchemaVersion)
                                  + ". Update ArchFit to open it.");
    }
    if (version < 1) {
        return makeDiagnostic(path, "corrupt",
                              "Project " + quotePath(path)
                                  + " is damaged: it has no project schema version.");
    }
    if (version < kProjectSchemaVersion) {
        // The file stays as it is (opened read-only); the next save writes the new schema.
        Database migrated = db.copyToMemory();
        sqlite::migrate(migrated, projectMigrations(), nowUtc());
        return readTables(migrated, path);
    }
    return readTables(db, path);
}

}  // namespace

Result<bool> saveProject(const std::string& path, const ProjectData& data)
{
    if (data.workloadJson.empty()) {
        return makeDiagnostic(path, "invalid_argument",
                              "Cannot save project " + quotePath(path) + ": the workload is empty.");
    }

    // Refuse to replace a file nobody may write (even root: chmod a-w is the user's "keep").
    struct stat existing {};
    const bool exists = ::stat(path.c_str(), &existing) == 0 && S_ISREG(existing.st_mode);
    if (exists && (existing.st_mode & 0222) == 0) {
        return makeDiagnostic(path, "io",
                              "Cannot save project " + quotePath(path)
                                  + ": the file is read-only; save under another name or make it "
                                    "writable.");
    }
    removeAbandonedTemps(path);

    // Create the temporary file ourselves (O_EXCL) so a name clash or an unwritable directory
    // is reported with the OS's own reason. Lock it at once; should another save's sweep have
    // removed it before the lock was taken (it has no links then), take another name.
    std::string tmpPath;
    int fd = -1;
    int openErr = 0;
    for (int attempt = 0; attempt < 5 && fd < 0; ++attempt) {
        tmpPath = path + kTempMarker + randomSuffix();
        fd = ::open(tmpPath.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        openErr = fd < 0 ? errno : 0;
        if (fd < 0 && openErr != EEXIST)
            break;
        if (fd < 0)
            continue;
        // A file system without flock (ENOLCK, EINVAL) saves unlocked; EWOULDBLOCK means a
        // sweep holds the file and is about to remove it.
        const bool busy = ::flock(fd, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK;
        struct stat st {};
        if (busy || (::fstat(fd, &st) == 0 && st.st_nlink == 0)) {
            ::close(fd);
            fd = -1;
            openErr = EEXIST;
        }
    }
    if (fd < 0)
        return saveError(path, "cannot create " + quotePath(tmpPath), openErr);
    TempFileGuard guard(tmpPath, fd);

    // Keep the permissions of the file we replace.
    if (exists)
        ::fchmod(fd, existing.st_mode & 07777);

    const std::string now = nowUtc();
    try {
        writeDatabase(tmpPath, data, now);
    } catch (const sqlite::Error& e) {
        return saveError(path, "cannot write " + quotePath(tmpPath) + ": " + e.what(),
                         e.systemErrno());
    } catch (const std::exception& e) {
        return saveError(path, "cannot write " + quotePath(tmpPath) + ": " + e.what(), 0);
    }

    if (const int err = syncPath(tmpPath, false))
        return saveError(path, "cannot flush " + quotePath(tmpPath) + " to disk", err);
    if (::rename(tmpPath.c_str(), path.c_str()) != 0)
        return saveError(path, "cannot replace it with " + quotePath(tmpPath), errno);
    guard.release();

    fs::path dir = fs::path(path).parent_path();
    if (dir.empty())
        dir = ".";
    // Some file systems cannot sync a directory (EINVAL); the data itself is already synced.
    if (const int err = syncPath(dir.string(), true); err != 0 && err != EINVAL) {
        return saveError(path, "the new file is in place but its directory could not be flushed",
                         err);
    }
    return true;
}

Result<ProjectData> loadProject(const std::string& path)
{
    std::string header;
    int err = 0;
    if (!readHeader(path, header, err)) {
        return makeDiagnostic(path, "io",
                              "Cannot open project " + quotePath(path) + ": " + osError(err) + ".");
    }
    if (!isSqliteHeader(header)) {
        return makeDiagnostic(path, "not_a_project",
                              quotePath(path) + " is not an ArchFit project: it is not a SQLite "
                                             "database.");
    }
    try {
        Database db = Database::open(path, sqlite::OpenMode::ReadOnly);
        return readProject(db, path);
    } catch (const sqlite::Error& e) {
        if (e.code() == SQLITE_CANTOPEN || e.code() == SQLITE_PERM) {
            return makeDiagnostic(path, "io",
                                  "Cannot open project " + quotePath(path) + ": " + e.what() + ".");
        }
        return makeDiagnostic(path, "corrupt", "Project " + quotePath(path)
                                                   + " is damaged and cannot be read: "
                                                   + e.what() + ".");
    } catch (const std::exception& e) {
        return makeDiagnostic(path, "corrupt", "Project " + quotePath(path)
                                                   + " cannot be read: " + e.what() + ".");
    }
}

bool looksLikeProject(const std::string& path)
{
    std::string header;
    int err = 0;
    return readHeader(path, header, err) && isSqliteHeader(header);
}

}  // namespace archfit
