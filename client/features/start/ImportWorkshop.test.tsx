import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setFlash } from '../../lib/flash.js';
import { StartPage } from './StartPage.js';

type Call = { url: string; method: string; body: string | null };
let calls: Call[] = [];
let importReply: { status: number; body: unknown };

const NEW_ID = 'n'.repeat(26);
const CREATED = {
  id: NEW_ID,
  participantPath: `/w/${NEW_ID}`,
  facilitatorPath: `/w/${NEW_ID}/facilitator#fac-token`,
  facilitatorToken: 'fac-token',
  projectorPath: `/w/${NEW_ID}/projector#proj-token`,
  joinCode: 'QX7M2K',
};
const BACKUP = JSON.stringify({
  format: 'partnerschapskaart-live-backup',
  version: 1,
  workshop: { title: 'Samen sterk' },
});

beforeEach(() => {
  calls = [];
  importReply = { status: 201, body: CREATED };
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    calls.push({ url, method: init?.method ?? 'GET', body: typeof init?.body === 'string' ? init.body : null });
    const { status, body } =
      url === '/api/backup'
        ? importReply
        : url === '/api/demo'
          ? { status: 200, body: { available: false } }
          : { status: 404, body: {} };
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  });
});
afterEach(() => vi.unstubAllGlobals());

const posts = () => calls.filter((c) => c.method === 'POST');
const file = (text: string, name = 'backup-samen-sterk.json') => new File([text], name, { type: 'application/json' });

async function importFile(f: File | null) {
  const user = userEvent.setup();
  const form = screen.getByTestId('start.import');
  if (f) await user.upload(within(form).getByLabelText('Back-upbestand (.json)'), f);
  await user.click(within(form).getByRole('button', { name: 'Workshop importeren' }));
  return form;
}

describe('start page: import a workshop from a backup', () => {
  it('sends the file as JSON and shows the new links like a new workshop', async () => {
    render(<StartPage />);
    await importFile(file(BACKUP));
    const created = await screen.findByTestId('start.created');
    expect(posts()).toEqual([{ url: '/api/backup', method: 'POST', body: BACKUP }]);
    expect(within(created).getByRole('heading', { name: 'De workshop is teruggezet' })).toHaveFocus();
    expect(screen.getByTestId('start.imported')).toHaveTextContent('Deelnemers melden zich opnieuw aan');
    expect(screen.getByTestId('start.participantLink')).toHaveValue(`${location.origin}/w/${NEW_ID}`);
    expect(screen.getByTestId('start.facilitatorLink')).toHaveValue(
      `${location.origin}/w/${NEW_ID}/facilitator#fac-token`,
    );
    expect(screen.getByTestId('start.projectorLink')).toHaveValue(
      `${location.origin}/w/${NEW_ID}/projector#proj-token`,
    );
    expect(screen.getByTestId('start.joinCode')).toHaveTextContent('QX7M2K');
    expect(screen.queryByTestId('start.import')).toBeNull();
  });

  it('a damaged backup (400) gives a clear message and no links', async () => {
    importReply = {
      status: 400,
      body: { error: 'invalid', message: 'The document "map:joint" in the backup is damaged.' },
    };
    render(<StartPage />);
    await importFile(file(BACKUP));
    expect(await screen.findByTestId('start.import.error')).toHaveTextContent(
      'Deze back-up is beschadigd of onvolledig. Er is niets geïmporteerd.',
    );
    expect(screen.queryByTestId('start.created')).toBeNull();
    expect(screen.getByLabelText('Back-upbestand (.json)')).toHaveAttribute('aria-invalid', 'true');
  });

  it('a file that is not a backup is refused here, without asking the server', async () => {
    render(<StartPage />);
    await importFile(file('{"hello":"world"}'));
    expect(await screen.findByTestId('start.import.error')).toHaveTextContent(
      'Dit bestand is geen back-up van Partnerschapskaart Live.',
    );
    await importFile(file('not json at all', 'notes.json'));
    expect(screen.getByTestId('start.import.error')).toHaveTextContent('geen back-up');
    expect(posts()).toEqual([]);
  });

  it('asks for a file first, and says so when the file is too large for the server', async () => {
    render(<StartPage />);
    await importFile(null);
    expect(await screen.findByTestId('start.import.error')).toHaveTextContent('Kies eerst een back-upbestand.');
    importReply = { status: 413, body: { error: 'too_large', message: '' } };
    await importFile(file(BACKUP));
    await waitFor(() =>
      expect(screen.getByTestId('start.import.error')).toHaveTextContent('Dit bestand is te groot om te importeren.'),
    );
  });
});

describe('start page: a message from the page before', () => {
  it('shows that a workshop was deleted, once', () => {
    setFlash({ key: 'deleted', values: { title: 'Samen sterk' } });
    const first = render(<StartPage />);
    expect(screen.getByTestId('start.flash')).toHaveTextContent('De workshop „Samen sterk” is verwijderd.');
    first.unmount();
    render(<StartPage />);
    expect(screen.queryByTestId('start.flash')).toBeNull();
  });
});
