#include "layout_diagram.h"

#include "chart_colors.h"
#include "chart_export.h"
#include "format.h"

#include "archfit/report/product_names.h"

#include <QContextMenuEvent>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QGraphicsPathItem>
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QImage>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace archfit {

namespace {

constexpr double kLabelWidth = 150;
constexpr double kBoxW = 214;
constexpr double kBoxH = 70;
constexpr double kGapX = 44;
constexpr double kLanePadTop = 34;   // room for the cluster caption and curved arrows
constexpr double kLanePadBottom = 18;
constexpr int kBoxesPerRow = 6;
constexpr int kIdRole = 0;           // QGraphicsItem::data key holding the component id

// Where the segment from the centre of `r` towards `towards` leaves `r`.
QPointF borderPoint(const QRectF& r, const QPointF& towards)
{
    const QPointF c = r.center();
    const QPointF d = towards - c;
    if (std::abs(d.x()) < 1e-9 && std::abs(d.y()) < 1e-9)
        return c;
    const double sx = std::abs(d.x()) > 1e-9 ? (r.width() / 2) / std::abs(d.x()) : 1e9;
    const double sy = std::abs(d.y()) > 1e-9 ? (r.height() / 2) / std::abs(d.y()) : 1e9;
    return c + d * std::min(sx, sy);
}

QString elided(const QString& text, const QFont& font, double width)
{
    return QFontMetricsF(font).elidedText(text, Qt::ElideRight, width);
}

// English plurals without a translation file: "1 component", "3 components".
QString components(int n)
{
    return n == 1 ? QCoreApplication::translate("archfit::LayoutDiagram", "1 component")
                  : QCoreApplication::translate("archfit::LayoutDiagram", "%1 components").arg(n);
}

QString confidenceText(ConfidenceLevel level)
{
    switch (level) {
    case ConfidenceLevel::High:
        return QCoreApplication::translate("archfit::LayoutDiagram", "high");
    case ConfidenceLevel::Medium:
        return QCoreApplication::translate("archfit::LayoutDiagram", "medium");
    case ConfidenceLevel::Low:
        return QCoreApplication::translate("archfit::LayoutDiagram", "low");
    }
    return {};
}

// A lane's colour: its family's, red for components no family can run.
QColor laneColor(int lane)
{
    return lane >= 0 && lane < 3 ? familyColor(static_cast<Family>(lane)) : severityColor("critical");
}

}  // namespace

LayoutDiagram::LayoutDiagram(QWidget* parent)
    : QGraphicsView(parent)
{
    setObjectName(QStringLiteral("layoutDiagram"));
    setScene(new QGraphicsScene(this));
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setMinimumSize(320, 220);
    setToolTip(tr("Recommended layout: click a component to select it; right-click to export."));
    rebuild();
}

void LayoutDiagram::setResult(std::shared_ptr<const AnalysisResult> result)
{
    m_result = std::move(result);
    rebuild();
}

QStringList LayoutDiagram::laneComponents(Family family) const
{
    return m_lanes[static_cast<int>(family)];
}

QStringList LayoutDiagram::unassignedComponents() const
{
    return m_lanes[3];
}

QStringList LayoutDiagram::clusterComponents() const
{
    return m_cluster;
}

int LayoutDiagram::badgeCount(const QString& id) const
{
    const auto it = m_boxes.constFind(id);
    return it == m_boxes.constEnd() ? 0 : it->findings;
}

QRectF LayoutDiagram::boxRect(const QString& id) const
{
    const auto it = m_boxes.constFind(id);
    return it == m_boxes.constEnd() ? QRectF() : it->item->sceneBoundingRect();
}

void LayoutDiagram::rebuild()
{
    scene()->clear();
    m_boxes.clear();
    for (QStringList& lane : m_lanes)
        lane.clear();
    for (QRectF& r : m_laneRects)
        r = QRectF();
    m_cluster.clear();
    m_arrows = 0;
    scene()->setBackgroundBrush(palette().color(QPalette::Base));
    if (!m_result) {
        drawEmptyState();
        return;
    }
    // Lane members in workload order; within the container lane, the Kubernetes cluster first
    // so that it forms one group.
    std::vector<const ComponentResult*> members[4];
    for (const ComponentResult& c : m_result->components) {
        const auto it = m_result->layout.assignment.find(c.id);
        const int lane = it == m_result->layout.assignment.end() ? 3 : static_cast<int>(it->second);
        members[lane].push_back(&c);
    }
    auto onCluster = [](const ComponentResult* c) { return isKubernetesVariant(c->family(Family::Container).variant); };
    std::stable_partition(members[1].begin(), members[1].end(), onCluster);
    m_columns = 3;
    for (const auto& lane : members)
        m_columns = std::max(m_columns, std::min(static_cast<int>(lane.size()), kBoxesPerRow));
    double y = 0;
    for (int lane = 0; lane < 4; ++lane) {
        if (lane == 3 && members[lane].empty())
            continue;
        drawLane(lane, members[lane], y);
    }
    drawArrows();
    drawLegend(y + 12);
    if (!m_boxes.contains(m_selected))
        m_selected.clear();
    updateHighlight();
    fitScene();
}

void LayoutDiagram::drawEmptyState()
{
    auto* text = scene()->addSimpleText(tr("Open a workload or the sample to see the recommended layout."));
    text->setBrush(mutedTextColor(palette()));
    scene()->setSceneRect(text->boundingRect().adjusted(-40, -40, 40, 40));
    fitScene();
}

void LayoutDiagram::drawLane(int lane, const std::vector<const ComponentResult*>& members, double& y)
{
    const QPalette pal = palette();
    const int count = static_cast<int>(members.size());
    const int rows = std::max(1, (count + kBoxesPerRow - 1) / kBoxesPerRow);
    const int columns = m_columns;
    const double height = kLanePadTop + rows * kBoxH + (rows - 1) * kGapX / 2 + kLanePadBottom;
    const double width = kLabelWidth + kGapX / 2 + columns * (kBoxW + kGapX);
    const QColor hue = laneColor(lane);

    m_laneRects[lane] = QRectF(0, y, width, height);
    auto* band = scene()->addRect(0, y, width, height, QPen(tintOnBase(hue, pal, 0.45)),
                                  tintOnBase(hue, pal, 0.08));
    band->setZValue(-10);
    auto* stripe = scene()->addRect(0, y, 6, height, Qt::NoPen, hue);
    stripe->setZValue(-9);
    QFont titleFont = font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(font().pointSizeF() + 1.5);
    auto* title = scene()->addSimpleText(lane < 3 ? familyLabel(static_cast<Family>(lane))
                                                  : tr("No feasible family"), titleFont);
    title->setBrush(pal.color(QPalette::Text));
    title->setPos(16, y + height / 2 - title->boundingRect().height());
    auto* sub = scene()->addSimpleText(components(count), font());
    sub->setBrush(mutedTextColor(pal));
    sub->setPos(16, y + height / 2 + 2);

    for (int i = 0; i < count; ++i) {
        const int row = i / kBoxesPerRow;
        const int col = i % kBoxesPerRow;
        const QPointF topLeft(kLabelWidth + kGapX / 2 + col * (kBoxW + kGapX),
                              y + kLanePadTop + row * (kBoxH + kGapX / 2));
        const bool inCluster = lane == 1 && isKubernetesVariant(members[static_cast<size_t>(i)]->family(Family::Container).variant);
        drawBox(*members[static_cast<size_t>(i)], lane, row, col, topLeft, inCluster);
    }
    if (!m_cluster.isEmpty() && lane == 1) {
        QRectF frame;
        for (const QString& id : m_cluster)
            frame = frame.united(m_boxes[id].item->sceneBoundingRect());
        frame.adjust(-12, -24, 12, 10);
        auto* group = scene()->addRect(frame, QPen(familyColor(Family::Container), 1.5, Qt::DashLine), Qt::NoBrush);
        group->setZValue(-5);
        auto* caption = scene()->addSimpleText(
            tr("Shared Kubernetes cluster (%1)").arg(components(static_cast<int>(m_cluster.size()))), font());
        caption->setBrush(pal.color(QPalette::Text));
        caption->setPos(frame.left() + 8, frame.top() + 4);
        group->setToolTip(tr("These components share one Kubernetes control plane; its cost is split among them."));
    }
    if (count == 0) {
        auto* none = scene()->addSimpleText(tr("No component is assigned here."), font());
        none->setBrush(mutedTextColor(pal));
        none->setPos(kLabelWidth + kGapX / 2, y + height / 2 - none->boundingRect().height() / 2);
    }
    y += height + 10;
}

void LayoutDiagram::drawBox(const ComponentResult& c, int lane, int row, int column, const QPointF& topLeft,
                            bool inCluster)
{
    const QPalette pal = palette();
    const QString id = QString::fromStdString(c.id);
    // The box in its family's tint; confidence and findings are badges (issue #19), not the fill.
    const QColor hue = laneColor(lane);
    auto* box = scene()->addRect(QRectF(topLeft, QSizeF(kBoxW, kBoxH)), QPen(hue.darker(115), 1.5),
                                 tintOnBase(hue, pal, 0.2));
    box->setData(kIdRole, id);
    box->setCursor(Qt::PointingHandCursor);
    QFont nameFont = font();
    nameFont.setBold(true);
    const QString name = QString::fromStdString(c.name.empty() ? c.id : c.name);
    auto* nameItem = new QGraphicsSimpleTextItem(elided(name, nameFont, kBoxW - 34), box);
    nameItem->setFont(nameFont);
    nameItem->setBrush(pal.color(QPalette::Text));
    nameItem->setPos(topLeft + QPointF(8, 6));

    QString line2;
    QString line3 = tr("confidence: %1").arg(confidenceText(c.confidence.level));
    QString tip = tr("<b>%1</b> (%2)").arg(name.toHtmlEscaped(), id.toHtmlEscaped());
    if (lane < 3) {
        const FamilyEvaluation& fe = c.family(static_cast<Family>(lane));
        line2 = tr("%1 \u00B7 %2/month").arg(QString::fromStdString(variantProduct(m_result->pricing.provider, fe.variant)),
                                             formatMoney(fe.cost.total, m_result->pricing.currency, 0));
        tip += QStringLiteral("<br>") + tr("%1, %2: %3 per month (infrastructure %4, operations %5)")
                                            .arg(familyLabel(static_cast<Family>(lane)),
                                                 variantText(m_result->pricing.provider, fe),
                                                 formatMoney(fe.cost.total, m_result->pricing.currency),
                                                 formatMoney(fe.cost.infrastructure, m_result->pricing.currency),
                                                 formatMoney(fe.cost.operations, m_result->pricing.currency))
                                                .toHtmlEscaped();
        if (c.recommended && !c.forcedJustification)
            tip += QStringLiteral("<br>") + tr("Margin over the next family: %1 fit points").arg(formatNumber(c.margin, 1));
        if (c.forcedJustification)
            tip += QStringLiteral("<br>") + tr("Forced by the user: %1").arg(QString::fromStdString(*c.forcedJustification).toHtmlEscaped());
    } else {
        line2 = tr("blocked in every family");
    }
    tip += QStringLiteral("<br>") + tr("Confidence %1: %2").arg(confidenceText(c.confidence.level),
                                                              QString::fromStdString(c.confidence.reason).toHtmlEscaped());
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() - 0.5);
    auto* l2 = new QGraphicsSimpleTextItem(elided(line2, small, kBoxW - 16), box);
    l2->setFont(small);
    l2->setBrush(pal.color(QPalette::Text));
    l2->setPos(topLeft + QPointF(8, 28));
    const QFontMetricsF sm(small);
    const QColor conf = confidenceColor(c.confidence.level);
    auto* pill = new QGraphicsPathItem(box);
    QPainterPath pillPath;
    const QRectF pillRect(topLeft + QPointF(8, 46), QSizeF(sm.horizontalAdvance(line3) + 12, sm.height() + 4));
    pillPath.addRoundedRect(pillRect, pillRect.height() / 2, pillRect.height() / 2);
    pill->setPath(pillPath);
    pill->setBrush(conf);
    pill->setPen(Qt::NoPen);
    auto* l3 = new QGraphicsSimpleTextItem(line3, pill);
    l3->setFont(small);
    l3->setBrush(Qt::white);
    l3->setPos(pillRect.topLeft() + QPointF(6, 2));

    int findings = 0;
    int worst = -1;
    std::string worstSeverity;
    QStringList findingTexts;
    for (const Finding& f : m_result->findings) {
        if (std::find(f.components.begin(), f.components.end(), c.id) == f.components.end())
            continue;
        ++findings;
        findingTexts << productLanguage(m_result->pricing.provider, f.text).toHtmlEscaped();
        if (severityRank(f.severity) > worst) {
            worst = severityRank(f.severity);
            worstSeverity = f.severity;
        }
    }
    if (findings > 0) {
        const double r = 11;
        auto* badge = new QGraphicsEllipseItem(QRectF(topLeft.x() + kBoxW - r * 1.3, topLeft.y() - r * 0.7,
                                                      2 * r, 2 * r), box);
        badge->setBrush(severityColor(worstSeverity));
        badge->setPen(QPen(pal.color(QPalette::Base), 1.5));
        auto* num = new QGraphicsSimpleTextItem(QString::number(findings), badge);
        QFont bf = font();
        bf.setBold(true);
        num->setFont(bf);
        num->setBrush(Qt::white);
        const QRectF nb = num->boundingRect();
        num->setPos(badge->rect().center() - QPointF(nb.width() / 2, nb.height() / 2));
        tip += QStringLiteral("<br><br>") + (findings == 1 ? tr("1 finding:") : tr("%1 findings:").arg(findings))
             + QStringLiteral("<br>\u2022 ")
             + findingTexts.join(QStringLiteral("<br>\u2022 "));
    }
    box->setToolTip(tip);
    m_boxes.insert(id, Box{id, box, lane, row, column, findings});
    m_lanes[lane] << id;
    if (inCluster)
        m_cluster << id;
}

QPainterPath LayoutDiagram::route(const Box& a, const Box& b, int out, int outs, int in, int ins,
                                  QPointF& tip, QPointF& from) const
{
    const QRectF ra = a.item->rect();
    const QRectF rb = b.item->rect();
    QPainterPath path;
    if (a.lane == b.lane && a.row == b.row) {
        const bool right = rb.center().x() > ra.center().x();
        if (std::abs(a.column - b.column) == 1) {
            // Neighbours: straight across the gap.
            const QPointF start(right ? ra.right() : ra.left(), ra.center().y());
            tip = QPointF(right ? rb.left() : rb.right(), rb.center().y());
            from = start;
            path.moveTo(start);
            path.lineTo(tip);
            return path;
        }
        // Over the boxes in between: an arc from the top edge to the top edge.
        const QPointF start(ra.center().x() + (right ? 20 : -20), ra.top());
        tip = QPointF(rb.center().x() + (right ? -20 : 20), rb.top());
        from = QPointF(tip.x(), tip.y() - 26);
        path.moveTo(start);
        path.cubicTo(QPointF(start.x(), start.y() - 26), from, tip);
        return path;
    }
    if (a.lane == b.lane) {
        // Wrapped rows of one lane: a straight line between the facing edges.
        from = borderPoint(ra, rb.center());
        tip = borderPoint(rb, ra.center());
        path.moveTo(from);
        path.lineTo(tip);
        return path;
    }
    // Across lanes, orthogonally: leave through the source's bottom (top) edge into the gap
    // between lanes, run along gaps (between lanes, and between box columns when lanes lie in
    // between) and enter the target from above (below). No segment crosses a box.
    const bool down = b.lane > a.lane;
    const double sx = ra.left() + ra.width() * (out + 1) / (outs + 1);
    const double tx = rb.left() + rb.width() * (in + 1) / (ins + 1);
    const QPointF start(sx, down ? ra.bottom() : ra.top());
    tip = QPointF(tx, down ? rb.top() : rb.bottom());
    const double nudge = (out % 3) * 4.0;
    const QRectF& la = m_laneRects[a.lane];
    const QRectF& lb = m_laneRects[b.lane];
    const double exitY = (down ? la.bottom() + 5 : la.top() - 5) + (down ? nudge : -nudge);
    // Entering runs inside the target lane's padding, apart from the exits in the lane gaps.
    const double enterY = (down ? lb.top() + 6 : lb.bottom() - 6) + (down ? nudge : -nudge);
    path.moveTo(start);
    if (std::abs(b.lane - a.lane) == 1) {
        path.lineTo(sx, exitY);
        path.lineTo(tx, exitY);
    } else {
        // The column gap nearest the middle of the two ends.
        const double pitch = kBoxW + kGapX;
        const double first = kLabelWidth;  // gap left of column 0
        const double mid = (sx + tx) / 2;
        const double k = std::max(0.0, std::round((mid - first) / pitch));
        const double gapX = first + k * pitch + nudge;
        path.lineTo(sx, exitY);
        path.lineTo(gapX, exitY);
        path.lineTo(gapX, enterY);
        path.lineTo(tx, enterY);
    }
    from = QPointF(tx, down ? tip.y() - 10 : tip.y() + 10);
    path.lineTo(tip);
    return path;
}

void LayoutDiagram::drawArrows()
{
    const QPalette pal = palette();
    const QColor ink = mixColors(pal.color(QPalette::Text), pal.color(QPalette::Base), 0.2);
    struct Call {
        const Box* from;
        const Box* to;
    };
    std::vector<Call> calls;
    for (const ComponentResult& c : m_result->components) {
        const auto from = m_boxes.constFind(QString::fromStdString(c.id));
        if (from == m_boxes.constEnd())
            continue;
        for (const std::string& callee : c.calls) {
            const auto to = m_boxes.constFind(QString::fromStdString(callee));
            if (to != m_boxes.constEnd() && to->id != from->id)
                calls.push_back({&*from, &*to});
        }
    }
    // Slots: the calls leaving (entering) a box across lanes share its edge, ordered by the
    // other end's x so that they do not cross each other near the box.
    auto slotOf = [&](const Call& call, bool outgoing, int& index, int& count) {
        const Box* self = outgoing ? call.from : call.to;
        std::vector<std::pair<double, const Call*>> ends;  // the other end's x; ties by order
        for (const Call& other : calls) {
            const Box* s = outgoing ? other.from : other.to;
            const Box* o = outgoing ? other.to : other.from;
            if (s == self && o->lane != s->lane)
                ends.emplace_back(o->item->rect().center().x() + o->lane * 0.01, &other);
        }
        std::sort(ends.begin(), ends.end());
        count = std::max<int>(1, static_cast<int>(ends.size()));
        index = 0;
        for (int i = 0; i < static_cast<int>(ends.size()); ++i) {
            if (ends[static_cast<size_t>(i)].second == &call)
                index = i;
        }
    };
    for (const Call& call : calls) {
        int out = 0, outs = 1, in = 0, ins = 1;
        slotOf(call, true, out, outs);
        slotOf(call, false, in, ins);
        QPointF tip;
        QPointF from;
        const QPainterPath path = route(*call.from, *call.to, out, outs, in, ins, tip, from);
        auto* line = scene()->addPath(path, QPen(ink, 1.6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        line->setZValue(5);
        line->setToolTip(tr("%1 calls %2 synchronously").arg(call.from->id, call.to->id));
        const QPointF dir = tip - from;
        const double len = std::hypot(dir.x(), dir.y());
        if (len > 0) {
            const QPointF u = dir / len;
            const QPointF n(-u.y(), u.x());
            QPolygonF head;
            head << tip << tip - u * 11 + n * 5 << tip - u * 11 - n * 5;
            auto* arrow = scene()->addPolygon(head, QPen(ink), ink);
            arrow->setZValue(5);
        }
        ++m_arrows;
    }
}

void LayoutDiagram::drawLegend(double y)
{
    const QPalette pal = palette();
    auto* title = scene()->addSimpleText(tr("Box colour: family; badge: confidence"), font());
    title->setBrush(mutedTextColor(pal));
    title->setPos(16, y);
    double x = 16 + title->boundingRect().width() + 14;
    for (ConfidenceLevel level : {ConfidenceLevel::High, ConfidenceLevel::Medium, ConfidenceLevel::Low}) {
        const QColor c = confidenceColor(level);
        scene()->addRect(x, y + 2, 14, 14, Qt::NoPen, c);
        auto* t = scene()->addSimpleText(confidenceText(level), font());
        t->setBrush(pal.color(QPalette::Text));
        t->setPos(x + 20, y);
        x += 40 + t->boundingRect().width();
    }
    auto* badge = scene()->addEllipse(x + 10, y + 1, 16, 16, Qt::NoPen, severityColor("warning"));
    Q_UNUSED(badge);
    auto* bt = scene()->addSimpleText(tr("findings naming the component   \u2192 synchronous call"), font());
    bt->setBrush(pal.color(QPalette::Text));
    bt->setPos(x + 32, y);
}

void LayoutDiagram::selectComponent(const QString& id)
{
    m_selected = m_boxes.contains(id) ? id : QString();
    updateHighlight();
    if (!m_selected.isEmpty())
        ensureVisible(m_boxes[m_selected].item, 20, 20);
}

void LayoutDiagram::updateHighlight()
{
    const QColor highlight = palette().color(QPalette::Highlight);
    for (const Box& b : std::as_const(m_boxes)) {
        const ComponentResult* c = m_result ? m_result->find(b.id.toStdString()) : nullptr;
        Q_UNUSED(c);
        b.item->setPen(b.id == m_selected ? QPen(highlight, 4) : QPen(laneColor(b.lane).darker(115), 1.5));
    }
}

void LayoutDiagram::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton) {
        for (QGraphicsItem* item = itemAt(event->pos()); item; item = item->parentItem()) {
            const QString id = item->data(kIdRole).toString();
            if (!id.isEmpty()) {
                selectComponent(id);
                emit componentSelected(id);
                event->accept();
                return;
            }
        }
    }
    QGraphicsView::mousePressEvent(event);
}

void LayoutDiagram::fitScene()
{
    QRectF r = scene()->itemsBoundingRect().adjusted(-12, -12, 12, 12);
    scene()->setSceneRect(r);
    fitInView(r, Qt::KeepAspectRatio);
    // Never blow small diagrams up past 1.5:1 (text would look oversized on a projector).
    if (transform().m11() > 1.5)
        setTransform(QTransform::fromScale(1.5, 1.5));
}

void LayoutDiagram::resizeEvent(QResizeEvent* event)
{
    QGraphicsView::resizeEvent(event);
    fitScene();
}

void LayoutDiagram::contextMenuEvent(QContextMenuEvent* event)
{
    QMenu menu(this);
    QAction* png = menu.addAction(tr("Export as PNG\u2026"));
    QAction* svg = menu.addAction(tr("Export as SVG\u2026"));
    QAction* chosen = menu.exec(event->globalPos());
    if (chosen != png && chosen != svg)
        return;
    runExportDialog(this, chosen == svg ? QStringLiteral("svg") : QStringLiteral("png"),
                    QStringLiteral("layout"),
                    [this](const QString& path) { return exportTo(path); });
}

bool LayoutDiagram::event(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange)
        rebuild();
    return QGraphicsView::event(event);
}

Result<bool> LayoutDiagram::exportTo(const QString& path) const
{
    const QRectF source = scene()->sceneRect();
    const QSize size = source.size().toSize();
    const QString suffix = QFileInfo(path).suffix().toLower();
    auto paint = [&](QPainter& painter, const QRectF& target) {
        painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
        painter.fillRect(target, palette().color(QPalette::Base));
        scene()->render(&painter, target, source);
    };
    if (suffix == QStringLiteral("svg"))
        return renderSvg(path, size, tr("ArchFit layout"),
                         [&](QPainter& p) { paint(p, QRectF(QPointF(0, 0), QSizeF(size))); });
    if (suffix == QStringLiteral("png")) {
        QImage image(size * 2, QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(2);
        QPainter painter(&image);
        paint(painter, QRectF(QPointF(0, 0), QSizeF(size)));
        painter.end();
        if (image.save(path, "PNG"))
            return true;
        return imageNotWritten(path);
    }
    return unsupportedImageFormat(path);
}

}  // namespace archfit
