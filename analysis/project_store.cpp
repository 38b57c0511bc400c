#include "archfit/project_store.h"

#include "archfit/version.h"
#include "project_store_extras.h"
#include "sqlite_handle.h"

#include <sqlite3.h>

#include <fcntl.h>
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

// Schema steps, numbered from 1. Append v2 here; never edit a released step.
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

// Removes the temporary file (and a rollback journal SQLite may have left) unless released.
class TempFileGuard {
public:
    explicit TempFileGuard(std::string path) : m_path(std::move(path)) {}
    ~TempFileGuard()
    {
        if (m_armed) {
            ::unlink(m_path.c_str());
            ::unlink((m_path + "-journal").c_str());
        }
    }
    TempFileGuard(const TempFileGuard&) = delete;
    TempFileGuard& operator=(const TempFileGuard&) = delete;
    void release() { m_armed = false; }

private:
    std::string m_path;
    bool m_armed = true;
};

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

    // Create the temporary file ourselves (O_EXCL) so a name clash or an unwritable directory
    // is reported with the OS's own reason.
    std::string tmpPath;
    int fd = -1;
    int openErr = 0;
    for (int attempt = 0; attempt < 5 && fd < 0; ++attempt) {
        tmpPath = path + ".tmp-" + randomSuffix();
        fd = ::open(tmpPath.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        openErr = fd < 0 ? errno : 0;
        if (fd < 0 && openErr != EEXIST)
            break;
    }
    if (fd < 0)
        return saveError(path, "cannot create " + quotePath(tmpPath), openErr);
    TempFileGuard guard(tmpPath);

    // Keep the permissions of the file we replace.
    struct stat existing {};
    if (::stat(path.c_str(), &existing) == 0 && S_ISREG(existing.st_mode))
        ::fchmod(fd, existing.st_mode & 07777);
    ::close(fd);

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
