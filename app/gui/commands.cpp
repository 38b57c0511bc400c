#include "commands.h"

namespace archfit {

SetAssumptionsCommand::SetAssumptionsCommand(Document* document, const Assumptions& after,
                                             const QString& text, const QString& mergeKey)
    : m_document(document)
    , m_before(document->assumptions())
    , m_after(after)
    , m_mergeKey(mergeKey)
{
    setText(text);
}

void SetAssumptionsCommand::undo()
{
    m_document->setAssumptions(m_before);
}

void SetAssumptionsCommand::redo()
{
    m_document->setAssumptions(m_after);
}

bool SetAssumptionsCommand::mergeWith(const QUndoCommand* other)
{
    const auto* next = static_cast<const SetAssumptionsCommand*>(other);
    if (next->m_mergeKey != m_mergeKey || next->m_document != m_document)
        return false;
    m_after = next->m_after;
    // A drag that ends where it started leaves nothing to undo.
    setObsolete(m_after == m_before);
    return true;
}

}  // namespace archfit
