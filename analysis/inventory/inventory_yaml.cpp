#include "inventory/inventory_yaml.h"

namespace archfit::inventory {

std::vector<YAML::Node> loadYamlDocuments(const std::string& text, const std::string& file)
{
    try {
        return YAML::LoadAll(text);
    } catch (const YAML::Exception& e) {
        Diagnostic d;
        d.file = file;
        d.line = e.mark.is_null() ? 0 : e.mark.line + 1;
        d.column = e.mark.is_null() ? 0 : e.mark.column + 1;
        d.code = "syntax";
        d.message = "bad YAML: " + e.msg;
        throw ImportError(std::move(d));
    }
}

YAML::Node child(const YAML::Node& map, const std::string& key)
{
    if (!map || !map.IsMap())
        return YAML::Node(YAML::NodeType::Undefined);
    for (const auto& kv : map)
        if (kv.first.IsScalar() && kv.first.Scalar() == key)
            return kv.second;
    for (const auto& kv : map) {
        if (!kv.first.IsScalar() || kv.first.Scalar() != "<<")
            continue;
        if (kv.second.IsMap()) {
            if (YAML::Node v = child(kv.second, key))
                return v;
        } else if (kv.second.IsSequence()) {
            for (const YAML::Node& m : kv.second)
                if (YAML::Node v = child(m, key))
                    return v;
        }
    }
    return YAML::Node(YAML::NodeType::Undefined);
}

YAML::Node at(const YAML::Node& node, std::initializer_list<const char*> keys)
{
    YAML::Node n = node;
    for (const char* k : keys) {
        // reset() rebinds; operator= would write into the document (yaml-cpp's reference semantics).
        n.reset(child(n, k));
        if (!n)
            break;
    }
    return n;
}

std::vector<std::pair<std::string, YAML::Node>> entries(const YAML::Node& map)
{
    std::vector<std::pair<std::string, YAML::Node>> out;
    if (!map || !map.IsMap())
        return out;
    auto has = [&](const std::string& k) {
        for (const auto& e : out)
            if (e.first == k)
                return true;
        return false;
    };
    std::vector<YAML::Node> merged;
    for (const auto& kv : map) {
        const std::string key = kv.first.IsScalar() ? kv.first.Scalar() : std::string();
        if (key == "<<") {
            if (kv.second.IsMap())
                merged.push_back(kv.second);
            else if (kv.second.IsSequence())
                for (const YAML::Node& m : kv.second)
                    merged.push_back(m);
            continue;
        }
        if (!has(key))
            out.emplace_back(key, kv.second);
    }
    for (const YAML::Node& m : merged)
        for (auto& e : entries(m))
            if (!has(e.first))
                out.push_back(std::move(e));
    return out;
}

std::optional<std::string> scalar(const YAML::Node& n)
{
    if (n && n.IsScalar())
        return n.Scalar();
    return std::nullopt;
}

int lineOf(const YAML::Node& n)
{
    if (!n)
        return 0;
    const YAML::Mark m = n.Mark();
    return m.is_null() ? 0 : m.line + 1;
}

}  // namespace archfit::inventory
