#pragma once
// Engine-internal: the schema-2 and -3 tables of the .archfit project (scenarios, imports, traffic),
// written and read apart from project_store.cpp to keep each file to one concern.
// Same threading as the Database passed in: the thread that opened it.

#include "archfit/store/project_store.h"
#include "store/sqlite_handle.h"

namespace archfit {

// Migration step 2: creates the scenarios, imports and traffic tables.
void createProjectExtrasTables(sqlite::Database& db);

// Migration step 3: adds the imports' size, gzip, run and window columns and the runs' skip
// and unmapped-path tables.
void addImportDetailTables(sqlite::Database& db);

// Migration step 4: traffic_sources(component, source), the components measured from metrics
// (TrafficData::source); components without a row were measured from logs.
void addTrafficSourcesTable(sqlite::Database& db);

// Inserts `data`'s scenarios, imports and traffic into the (empty) tables of the current schema.
void writeProjectExtras(sqlite::Database& db, const ProjectData& data);

// Fills `data`'s scenarios, imports and traffic from a database at the current schema. Throws
// std::runtime_error naming the table and row when a stored value is out of range.
void readProjectExtras(sqlite::Database& db, ProjectData& data);

}  // namespace archfit
