import { Text, View } from '@react-pdf/renderer';
import type { ChecklistProgress, ChecklistReport } from '../checklist-report.js';
import type { Theme } from '../theme.js';
import { structure } from '../tagging/structure-tag.js';
import { DocumentShell } from './document-shell.js';
import { Letterhead } from './page-chrome.js';
import { Table } from './table.js';
import { useTheme } from './theme-context.js';
import { Heading, Paragraph } from './typography.js';

function percent({ done, total }: ChecklistProgress): number {
  return total === 0 ? 100 : Math.round((done / total) * 100);
}

/** A labelled horizontal progress bar. */
export function ProgressBar({ label, progress }: { label: string; progress: ChecklistProgress }) {
  const theme = useTheme();
  const value = percent(progress);
  return (
    <View {...structure('P')} wrap={false} style={{ marginBottom: 6 }}>
      <View style={{ flexDirection: 'row', justifyContent: 'space-between', marginBottom: 2 }}>
        <Text
          style={{ fontSize: 9, color: theme.colours.ink, flexShrink: 1 }}
          hyphenationCallback={theme.hyphenate}
        >
          {label}
        </Text>
        <Text style={{ fontSize: 9, color: theme.colours.muted, marginLeft: 8 }}>
          {`${progress.done}/${progress.total} · ${value}%`}
        </Text>
      </View>
      <View style={{ height: 6, backgroundColor: theme.colours.tint, borderRadius: 3 }}>
        <View
          style={{
            height: 6,
            width: `${value}%`,
            backgroundColor: theme.colours.accent,
            borderRadius: 3,
          }}
        />
      </View>
    </View>
  );
}

function formatDate(date: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale === 'es' ? 'es' : 'en-US', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(date);
}

/** Body of a checklist report: header facts, overall and section progress, then each section's items. */
export function ChecklistReportBody({ report }: { report: ChecklistReport }) {
  const theme = useTheme();
  const { labels } = theme;
  return (
    <View>
      <Letterhead />
      <Heading level={1}>{labels.checklistReport}</Heading>
      <Paragraph muted size={9.5}>
        {`${report.practiceName} · ${labels.generated} ${formatDate(report.generatedAt, theme.locale)} UTC · ${labels.template}: ${report.template.title}, ${labels.version.toLowerCase()} ${report.template.version}`}
      </Paragraph>
      <Heading level={2}>{labels.progress}</Heading>
      <ProgressBar label={labels.overall} progress={report.overall} />
      {report.sections.map((section) => (
        <ProgressBar key={section.id} label={section.title} progress={section.progress} />
      ))}
      {report.sections.map((section) => {
        const items = report.items.filter((item) => item.section === section.id);
        if (items.length === 0) return null;
        return (
          <View key={section.id}>
            <Heading level={2}>{section.title}</Heading>
            <Table
              columns={[
                { header: labels.item, weight: 5 },
                { header: labels.statusHeader, weight: 1.8 },
                { header: labels.assignee, weight: 2 },
                { header: labels.due, weight: 1.6 },
              ]}
              rows={items.map((item) => [
                <View key="title">
                  <Text
                    hyphenationCallback={theme.hyphenate}
                    style={{ fontSize: 9, lineHeight: 1.35 }}
                  >
                    {item.title}
                  </Text>
                  {item.reason ? (
                    <Text
                      hyphenationCallback={theme.hyphenate}
                      style={{
                        fontSize: 8,
                        lineHeight: 1.35,
                        fontStyle: 'italic',
                        color: theme.colours.muted,
                      }}
                    >
                      {`${labels.reason}: ${item.reason}`}
                    </Text>
                  ) : null}
                </View>,
                labels.status[item.status],
                item.assignee || labels.unassigned,
                item.dueDate ?? '—',
              ])}
            />
          </View>
        );
      })}
    </View>
  );
}

/** A whole checklist report PDF as a react-pdf `<Document>`. */
export function ChecklistReportDocument({
  report,
  theme,
  pdfa = false,
}: {
  report: ChecklistReport;
  theme: Theme;
  pdfa?: boolean;
}) {
  return (
    <DocumentShell
      theme={theme}
      pdfa={pdfa}
      metadata={{
        title: `${theme.labels.checklistReport}: ${report.practiceName}`,
        subject: `${report.template.title} ${report.template.version}`,
      }}
      footerTitle={theme.labels.checklistReport}
    >
      <ChecklistReportBody report={report} />
    </DocumentShell>
  );
}
