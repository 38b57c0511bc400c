#include "workload/workload_provenance.h"

#include "util/json_locator.h"

namespace archfit {

namespace {

bool readNonEmpty(JsonDiagnostics& diag, const ObjectReader& r, const char* key, std::string& out)
{
    if (!r.require(key) || !r.readString(key, out))
        return false;
    if (!out.empty())
        return true;
    diag.atValue(r.pathOf(key), "range", std::string("expected a non-empty ") + key);
    return false;
}

}  // namespace

void readProvenance(JsonDiagnostics& diag, const ObjectReader& r, Component& out)
{
    const OrderedJson* list = r.get(kProvenanceKey);
    if (!list)
        return;
    const std::string path = r.pathOf(kProvenanceKey);
    if (!list->is_array()) {
        diag.atValue(path, "type", "expected an array of provenance notes, got " + describeValue(*list));
        return;
    }
    for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string itemPath = JsonLocator::elementPath(path, i);
        if (!checkObject(diag, (*list)[i], itemPath))
            continue;
        const ObjectReader p(diag, (*list)[i], itemPath, {"field", "file", "line", "rule"});
        Provenance note;
        bool ok = readNonEmpty(diag, p, "field", note.field);
        ok = readNonEmpty(diag, p, "file", note.file) && ok;
        ok = readNonEmpty(diag, p, "rule", note.rule) && ok;
        if (p.has("line"))
            ok = p.readInt("line", 1, 100000000, note.line) && ok;
        if (ok)
            out.provenance.push_back(std::move(note));
    }
}

void writeProvenance(const Component& c, OrderedJson& j)
{
    if (c.provenance.empty())
        return;
    OrderedJson list = OrderedJson::array();
    for (const Provenance& p : c.provenance) {
        OrderedJson note = OrderedJson::object();
        note["field"] = p.field;
        note["file"] = p.file;
        if (p.line > 0)
            note["line"] = p.line;
        note["rule"] = p.rule;
        list.push_back(std::move(note));
    }
    j[kProvenanceKey] = std::move(list);
}

}  // namespace archfit
