#include "store/sqlite_handle.h"

#include <sqlite3.h>

#include <atomic>
#include <climits>

namespace archfit::sqlite {

namespace {

std::string describe(sqlite3* db, int rc, const std::string& context)
{
    std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    return context.empty() ? message : context + ": " + message;
}

}  // namespace

// ---------------------------------------------------------------------------------- Database

void Database::Closer::operator()(sqlite3* db) const
{
    // close_v2 never fails: it defers the close if a statement is still alive.
    sqlite3_close_v2(db);
}

Database Database::open(const std::string& path, OpenMode mode)
{
    const int flags = (mode == OpenMode::ReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE)
                      | SQLITE_OPEN_NOMUTEX;
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    Database db(raw, path);  // owns the handle even when opening failed
    if (rc != SQLITE_OK)
        throw Error(rc, describe(raw, rc, "cannot open \"" + path + "\""),
                    raw ? sqlite3_system_errno(raw) : 0);
    sqlite3_extended_result_codes(raw, 0);
    return db;
}

Database Database::openMemory()
{
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(":memory:", &raw,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                                   nullptr);
    Database db(raw, ":memory:");
    if (rc != SQLITE_OK)
        throw Error(rc, describe(raw, rc, "cannot open an in-memory database"));
    return db;
}

void Database::fail(int rc, const std::string& context) const
{
    throw Error(rc, describe(m_db.get(), rc, context),
                m_db ? sqlite3_system_errno(m_db.get()) : 0);
}

void Database::exec(const std::string& sql)
{
    char* message = nullptr;
    const int rc = sqlite3_exec(m_db.get(), sql.c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        std::string text = message ? message : sqlite3_errstr(rc);
        sqlite3_free(message);
        throw Error(rc, text, sqlite3_system_errno(m_db.get()));
    }
}

int Database::userVersion()
{
    Statement stmt(*this, "PRAGMA user_version");
    if (!stmt.step())
        fail(SQLITE_ERROR, "PRAGMA user_version returned no row");
    return static_cast<int>(stmt.int64(0));
}

void Database::setUserVersion(int version)
{
    // PRAGMA arguments cannot be bound; this is an int we produced, not user text.
    exec("PRAGMA user_version = " + std::to_string(version));
}

bool Database::tableExists(const std::string& name)
{
    Statement stmt(*this, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1");
    stmt.bind(1, name);
    return stmt.step();
}

Database Database::copyToMemory()
{
    Database copy = openMemory();
    sqlite3_backup* backup = sqlite3_backup_init(copy.handle(), "main", m_db.get(), "main");
    if (!backup)
        copy.fail(sqlite3_errcode(copy.handle()), "cannot copy \"" + m_path + "\" to memory");
    const int stepRc = sqlite3_backup_step(backup, -1);
    const int finishRc = sqlite3_backup_finish(backup);
    // After finish, the destination connection holds the reason (corrupt page, I/O error).
    if (stepRc != SQLITE_DONE)
        copy.fail(stepRc, "cannot copy \"" + m_path + "\" to memory");
    if (finishRc != SQLITE_OK)
        copy.fail(finishRc, "cannot copy \"" + m_path + "\" to memory");
    return copy;
}

void Database::close()
{
    if (!m_db)
        return;
    const int rc = sqlite3_close(m_db.get());
    if (rc != SQLITE_OK)
        fail(rc, "cannot close \"" + m_path + "\"");
    m_db.release();  // closed: the deleter must not close it again
}

// --------------------------------------------------------------------------------- Statement

void Statement::Finalizer::operator()(sqlite3_stmt* stmt) const
{
    sqlite3_finalize(stmt);
}

Statement::Statement(Database& db, const std::string& sql) : m_db(&db)
{
    sqlite3_stmt* raw = nullptr;
    const int rc = sqlite3_prepare_v2(db.handle(), sql.c_str(), static_cast<int>(sql.size()),
                                      &raw, nullptr);
    m_stmt.reset(raw);
    // The SQL text helps with our own mistakes (SQLITE_ERROR: syntax, missing table); for a
    // damaged file the reason alone reads better.
    if (rc != SQLITE_OK)
        db.fail(rc, rc == SQLITE_ERROR ? "cannot prepare \"" + sql + "\"" : std::string());
}

void Statement::check(int rc, const char* what) const
{
    if (rc != SQLITE_OK)
        m_db->fail(rc, what);
}

Statement& Statement::bind(int index, const std::string& text)
{
    if (text.size() > static_cast<std::size_t>(INT_MAX))
        throw Error(SQLITE_TOOBIG, "value too large to store");
    check(sqlite3_bind_text(m_stmt.get(), index, text.data(), static_cast<int>(text.size()),
                            SQLITE_TRANSIENT),
          "cannot bind text");
    return *this;
}

Statement& Statement::bind(int index, std::int64_t value)
{
    check(sqlite3_bind_int64(m_stmt.get(), index, value), "cannot bind integer");
    return *this;
}

Statement& Statement::bindNull(int index)
{
    check(sqlite3_bind_null(m_stmt.get(), index), "cannot bind null");
    return *this;
}

bool Statement::step()
{
    const int rc = sqlite3_step(m_stmt.get());
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    m_db->fail(rc, "");
}

void Statement::run()
{
    while (step()) {
        // PRAGMAs may answer with a row; nothing to read.
    }
}

void Statement::reset()
{
    // sqlite3_reset repeats the last step's error, which step() already reported.
    sqlite3_reset(m_stmt.get());
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt.get(), column) == SQLITE_NULL;
}

std::string Statement::text(int column) const
{
    // Call text before bytes, as the SQLite docs require for a correct length.
    const unsigned char* data = sqlite3_column_text(m_stmt.get(), column);
    const int size = sqlite3_column_bytes(m_stmt.get(), column);
    if (!data) {
        if (sqlite3_errcode(m_db->handle()) == SQLITE_NOMEM)
            m_db->fail(SQLITE_NOMEM, "cannot read column");
        return {};
    }
    return std::string(reinterpret_cast<const char*>(data), static_cast<std::size_t>(size));
}

std::int64_t Statement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt.get(), column);
}

// ------------------------------------------------------------------------------- Transaction

Transaction::Transaction(Database& db) : m_db(db)
{
    // Unique per process so nested guards never share a name; internal, never user text.
    static std::atomic<unsigned long> counter{0};
    m_name = "archfit_sp_" + std::to_string(++counter);
    m_db.exec("SAVEPOINT " + m_name);
}

Transaction::~Transaction()
{
    if (m_done)
        return;
    try {
        m_db.exec("ROLLBACK TO " + m_name);
        m_db.exec("RELEASE " + m_name);
    } catch (const Error&) {
        // Nothing more to do from a destructor: the caller is already unwinding an error.
    }
}

void Transaction::commit()
{
    m_db.exec("RELEASE " + m_name);
    m_done = true;
}

// --------------------------------------------------------------------------------- migrate

int migrate(Database& db, const std::vector<Migration>& steps, const std::string& appliedUtc)
{
    for (std::size_t i = 0; i < steps.size(); ++i) {
        if (steps[i].version != static_cast<int>(i) + 1 || !steps[i].apply)
            throw std::invalid_argument("migration steps must be numbered 1, 2, ... and callable");
    }
    const int current = db.userVersion();
    const int latest = static_cast<int>(steps.size());
    if (current > latest) {
        throw std::runtime_error("database schema " + std::to_string(current)
                                 + " is newer than the latest known schema "
                                 + std::to_string(latest));
    }
    int applied = 0;
    for (int version = current + 1; version <= latest; ++version) {
        const Migration& step = steps[static_cast<std::size_t>(version - 1)];
        Transaction transaction(db);
        db.exec("CREATE TABLE IF NOT EXISTS migrations ("
                "version INTEGER PRIMARY KEY, applied_utc TEXT, description TEXT)");
        step.apply(db);
        Statement record(db, "INSERT INTO migrations (version, applied_utc, description) "
                             "VALUES (?1, ?2, ?3)");
        record.bind(1, static_cast<std::int64_t>(version)).bind(2, appliedUtc).bind(3, step.description);
        record.run();
        db.setUserVersion(version);
        transaction.commit();
        ++applied;
    }
    return applied;
}

}  // namespace archfit::sqlite
