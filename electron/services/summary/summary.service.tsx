import path from 'node:path';
import type { Settings } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { ProgressSummaryOptions, SummaryChoices, SummaryExport } from '../../../shared/progress-summary';
import { appendActivity } from '../activity/activity-log';
import { clientRowOrThrow } from '../clients/client-store';
import { ServiceContext, type ServiceClock } from '../clients/service-context';
import type { Dialogs } from '../dialogs';
import { writeFileAtomic } from '../fs/write-file-atomic';
import { writeProblem } from '../fs/write-problem';
import { hasProcessNotes, templatesOfClientNotes } from '../notes/notes.repository';
import { sessionDateSpan } from '../notes/sessions.repository';
import { loadSummaryData } from './summary-data';
import { prepareSummaryRenderer, renderSummaryPdf } from './summary-renderer';

export interface SummaryServiceOptions extends ServiceClock {
  settings: () => Promise<Settings>;
  dialogs: Dialogs;
}

/**
 * PDF progress summaries, made in memory in this process (no network, no helper program) and written
 * only to the file the practitioner picks, atomically, so a half-written summary never exists.
 */
export class SummaryService {
  private readonly ctx: ServiceContext;
  /** Files exported in this session: the only ones "Show in folder" will reveal. */
  private readonly exported = new Set<string>();

  constructor(private readonly options: SummaryServiceOptions) {
    this.ctx = new ServiceContext(options);
  }

  async choices(clientId: string): Promise<SummaryChoices> {
    prepareSummaryRenderer();
    const db = this.ctx.db();
    await clientRowOrThrow(db, clientId);
    const span = await sessionDateSpan(db, clientId);
    const sections = new Map<string, string>();
    for (const template of await templatesOfClientNotes(db, clientId)) for (const section of template.sections) if (!sections.has(section.key)) sections.set(section.key, section.label);
    const withProcessNotes = await hasProcessNotes(db, clientId);
    const settings = await this.options.settings();
    return {
      firstSessionDate: span.first,
      lastSessionDate: span.last,
      noteSections: [...sections].map(([key, label]) => ({ key, label })),
      hasProcessNotes: withProcessNotes,
      prescriber: settings.prescriber,
      paperSize: settings.paperSize,
    };
  }

  /** The finished PDF in memory. */
  async build(options: ProgressSummaryOptions): Promise<{ bytes: Buffer; pageCount: number; clientCode: string }> {
    const data = await loadSummaryData(this.ctx.db(), options, await this.options.settings(), this.ctx.now(), this.ctx.today());
    const bytes = await renderSummaryPdf(data);
    return { bytes, pageCount: countPages(bytes), clientCode: data.client.code };
  }

  async preview(options: ProgressSummaryOptions): Promise<{ pdfBase64: string; pageCount: number }> {
    const { bytes, pageCount } = await this.build(options);
    return { pdfBase64: bytes.toString('base64'), pageCount };
  }

  async export(options: ProgressSummaryOptions): Promise<SummaryExport> {
    // Built before asking where to save, so a problem is reported before the practitioner picks a place.
    const { bytes, pageCount, clientCode } = await this.build(options);
    const chosen = await this.options.dialogs.chooseSavePath({
      title: 'Save progress summary',
      // The code, never the name: file names show up in folder listings, backups and recent-files lists.
      suggestedName: `progress-summary-${clientCode}-${options.from}-to-${options.to}.pdf`,
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    if (chosen === null) return { saved: false, path: null, pageCount, bytes: 0 };
    const file = path.extname(chosen).toLowerCase() === '.pdf' ? chosen : `${chosen}.pdf`;
    try {
      await writeFileAtomic(file, bytes, 0o600);
    } catch (error) {
      throw new AppError('IO_ERROR', `The summary could not be saved there: ${writeProblem(error)} Nothing was written; choose another folder.`);
    }
    this.exported.add(file);
    await this.ctx.transaction((trx) =>
      appendActivity(trx, { action: 'export', recordType: 'summary', recordId: options.clientId, clientId: options.clientId, fields: exportedParts(options) }, this.ctx.now()),
    );
    return { saved: true, path: file, pageCount, bytes: bytes.length };
  }

  /** Lets "Show in folder" reveal a file another service wrote in this session (a backup, an export). */
  allowReveal(file: string): void {
    this.exported.add(file);
  }

  async showInFolder(file: string): Promise<void> {
    // Only files this session wrote: the renderer must not be able to probe or reveal arbitrary paths.
    if (!this.exported.has(file)) throw new AppError('NOT_FOUND', 'That file was not exported in this session.');
    await this.options.dialogs.showInFolder(file);
  }
}

/** What the log keeps of an export: the period and the parts chosen, never any content. */
function exportedParts(options: ProgressSummaryOptions): string[] {
  return [
    `period ${options.from} to ${options.to}`,
    options.identity === 'full' ? 'identifying details' : 'client code only',
    ...options.sections,
    ...(options.sections.includes('noteExcerpts') ? options.excerptSections.map((key) => `excerpt ${key}`) : []),
    ...(options.includeProcessNotes ? ['process notes'] : []),
  ];
}

/** Page objects in the file (the page tree's own node is `/Pages`). */
function countPages(bytes: Buffer): number {
  return bytes.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 0;
}
