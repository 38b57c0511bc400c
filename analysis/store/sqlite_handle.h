#pragma once
// Small RAII wrappers over the sqlite3 C API, internal to the engine (not in include/).
//
// Failures throw sqlite::Error, which carries the SQLite result code and message. The public
// API (project_store.cpp) catches it and returns a Diagnostic: nothing here escapes archfit's
// public functions as an exception.
//
// Threading: a Database and the Statements prepared on it are used only by the thread that
// opened it. Distinct Database objects may be used on distinct threads.

#include <cstdint>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace archfit::sqlite {

// A SQLite failure: code() is the primary result code (SQLITE_CORRUPT, SQLITE_NOTADB, ...);
// systemErrno() the OS errno behind it when SQLite saw one (ENOSPC, EACCES, ...), else 0.
class Error : public std::runtime_error {
public:
    Error(int code, const std::string& message, int systemErrno = 0)
        : std::runtime_error(message), m_code(code), m_systemErrno(systemErrno) {}
    int code() const { return m_code; }
    int systemErrno() const { return m_systemErrno; }

private:
    int m_code;
    int m_systemErrno;
};

enum class OpenMode {
    ReadOnly,   // SQLITE_OPEN_READONLY: the file is never written
    ReadWrite,  // the file must already exist (it may be empty)
};

// One connection. Move-only; the handle is closed by the destructor (errors ignored) or by
// close(), which reports them.
class Database {
public:
    // Throws Error when the file cannot be opened.
    static Database open(const std::string& path, OpenMode mode);
    // A private in-memory database.
    static Database openMemory();

    Database(Database&&) noexcept = default;
    Database& operator=(Database&&) noexcept = default;

    sqlite3* handle() const { return m_db.get(); }
    const std::string& path() const { return m_path; }

    // Runs fixed SQL text (one or more statements, no parameters, rows discarded).
    // Never pass user data here: use Statement::bind.
    void exec(const std::string& sql);

    int userVersion();
    void setUserVersion(int version);
    bool tableExists(const std::string& name);

    // A complete copy of this database in memory (online backup API); the source is only read.
    Database copyToMemory();

    // Closes the connection; throws Error if SQLite refuses (e.g. unfinished statements).
    void close();

    // Throws Error built from the connection's last error message for result code `rc`.
    [[noreturn]] void fail(int rc, const std::string& context) const;

private:
    struct Closer {
        void operator()(sqlite3* db) const;
    };
    Database(sqlite3* db, std::string path) : m_db(db), m_path(std::move(path)) {}

    std::unique_ptr<sqlite3, Closer> m_db;
    std::string m_path;
};

// A prepared statement. Parameters are 1-based as in SQLite; columns are 0-based.
class Statement {
public:
    Statement(Database& db, const std::string& sql);

    Statement& bind(int index, const std::string& text);
    Statement& bind(int index, std::int64_t value);
    Statement& bindNull(int index);

    // True when a row is available, false when the statement has finished. Throws on error.
    bool step();
    // Steps a statement that returns no rows.
    void run();
    // Makes the statement runnable again; bindings are kept.
    void reset();

    bool isNull(int column) const;
    std::string text(int column) const;  // exact bytes, embedded NULs kept
    std::int64_t int64(int column) const;

private:
    struct Finalizer {
        void operator()(sqlite3_stmt* stmt) const;
    };
    void check(int rc, const char* what) const;

    Database* m_db;
    std::unique_ptr<sqlite3_stmt, Finalizer> m_stmt;
};

// A savepoint: rolled back by the destructor unless commit() was called. Nests, so migration
// steps can run inside a larger save.
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    void commit();

private:
    Database& m_db;
    std::string m_name;
    bool m_done = false;
};

// One numbered schema step. Step N takes a database at user_version N-1 to version N.
struct Migration {
    int version = 0;
    std::string description;
    std::function<void(Database&)> apply;
};

// Applies, in order, every step whose version is above the database's user_version. Each step
// runs in its own Transaction together with its row in the `migrations` bookkeeping table
// (version, applied_utc, description; created when missing) and the user_version update, so a
// failing step leaves the database at the previous version. `steps` must be numbered 1, 2, ...
// without gaps (throws std::invalid_argument otherwise). Throws Error when a step fails, and
// std::runtime_error when the database is newer than the last step. Returns the number of steps
// applied.
int migrate(Database& db, const std::vector<Migration>& steps, const std::string& appliedUtc);

}  // namespace archfit::sqlite
