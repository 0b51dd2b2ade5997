import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { stripUnsafeText } from '../../../shared/cleanText.js';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { useMapEnv } from './currentMap.js';
import { useMe } from '../../workshop/hooks.js';
import { TextCounter } from './TextCounter.js';
import { useOpenedEditorFocus } from './useOpenedEditorFocus.js';

interface Props {
  fragment: Y.XmlFragment;
  /** Names the text box for screen readers, e.g. "Tekst van de kaart – Kaart 2 van 3 in Waarden". */
  label: string;
  onDone: () => void;
  /** Whose awareness carries the carets: the document that holds the card (map or my drafts). */
  awarenessHost?: { awareness: Awareness };
}

/**
 * The one live editor on the map, bound to the card's own XmlFragment. It never gets `content`:
 * the fragment is the content, and seeding it again would duplicate the text for everyone.
 * The editor's own undo (from Collaboration) covers typing; the map's undo covers cards.
 */
export function CardEditor({ fragment, label, onDone, awarenessHost: host }: Props) {
  const { t } = useTranslation();
  const mapEnv = useMapEnv();
  const awarenessHost = host ?? mapEnv.awarenessHost;
  const me = useMe();
  const editor = useEditor(
    {
      extensions: [
        StarterKit.configure({
          undoRedo: false,
          heading: false,
          codeBlock: false,
          code: false,
          blockquote: false,
          horizontalRule: false,
          strike: false,
          underline: false,
          link: false,
          trailingNode: false,
        }),
        Collaboration.configure({ fragment }),
        CollaborationCaret.configure({ provider: awarenessHost, user: me.user }),
      ],
      autofocus: 'end',
      editorProps: {
        // Text at the door [T10]: the server refuses card text with control or bidi-override characters
        // (Word pastes U+000B), so they are taken out of whatever is pasted.
        transformPastedText: (text) => stripUnsafeText(text),
        transformPastedHTML: (html) => stripUnsafeText(html),
        attributes: {
          class: 'card-editor-content',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': label,
        },
      },
    },
    [fragment, awarenessHost],
  );
  useOpenedEditorFocus(editor);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onDone();
    }
  };

  return (
    <div className="card-editor" data-testid="card.editor" onKeyDown={onKeyDown}>
      {editor && <FormatBar editor={editor} />}
      <EditorContent editor={editor} />
      <TextCounter fragment={fragment} />
      <div className="card-editor-footer">
        <p className="hint">{t('editor.doneHint')}</p>
        <button type="button" className="button button-primary" data-testid="card.done" onClick={onDone}>
          {t('editor.done')}
        </button>
      </div>
    </div>
  );
}

function FormatBar({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
    }),
  });
  const chain = () => editor.chain().focus();
  const buttons = [
    { key: 'bold', glyph: 'B', run: () => chain().toggleBold().run() },
    { key: 'italic', glyph: 'I', run: () => chain().toggleItalic().run() },
    { key: 'bulletList', glyph: '•', run: () => chain().toggleBulletList().run() },
    { key: 'orderedList', glyph: '1.', run: () => chain().toggleOrderedList().run() },
  ] as const;
  return (
    <div className="format-bar" role="toolbar" aria-label={t('editor.formatting')}>
      {buttons.map((b) => (
        <button
          key={b.key}
          type="button"
          className={`icon-button format-${b.key}`}
          aria-label={t(`editor.${b.key}`)}
          title={t(`editor.${b.key}`)}
          aria-pressed={active?.[b.key] ?? false}
          // Keep the text selection: a mouse down on the button would otherwise blur the editor first.
          onMouseDown={(e) => e.preventDefault()}
          onClick={b.run}
        >
          <span aria-hidden="true">{b.glyph}</span>
        </button>
      ))}
    </div>
  );
}
