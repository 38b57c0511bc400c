#pragma once
// Engine-internal: reading YAML inventory with yaml-cpp. Documents load with file:line:column
// errors; lookups follow YAML merge keys (`<<: *defaults`), which yaml-cpp 0.7 leaves as a key.

#include "inventory/inventory_draft.h"

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace archfit::inventory {

// All documents of a YAML stream (empty ones included as null nodes). Bad YAML throws
// ImportError (code "syntax") with the 1-based line and column.
std::vector<YAML::Node> loadYamlDocuments(const std::string& text, const std::string& file);

// The value of `key` in a map, following merge keys; a null (undefined) node when absent or
// when `map` is not a map.
YAML::Node child(const YAML::Node& map, const std::string& key);
// A path of keys: at(node, {"spec", "template", "spec"}).
YAML::Node at(const YAML::Node& node, std::initializer_list<const char*> keys);
// A map's entries in order, merged ones after the map's own (own keys win).
std::vector<std::pair<std::string, YAML::Node>> entries(const YAML::Node& map);
// A scalar's text; nullopt for anything else.
std::optional<std::string> scalar(const YAML::Node& n);
// 1-based line of a node; 0 for an absent one.
int lineOf(const YAML::Node& n);

}  // namespace archfit::inventory
