import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { Block, InlineRun } from '../../../shared/richText.js';
import { useHyphenate } from '../../lib/useHyphenate.js';

type Hyphenate = (text: string) => string;

/**
 * Static rendering of a card: cheap enough for hundreds of cards, unlike one editor per card. Long
 * words get soft hyphens at Dutch break points for the narrow columns ([U20]); the stored text does not.
 */
function Runs({ runs, h }: { runs: InlineRun[]; h: Hyphenate }) {
  return (
    <>
      {runs.map((run, i) => {
        let node = <>{run.text === '\n' ? <br /> : h(run.text)}</>;
        if (run.italic) node = <em>{node}</em>;
        if (run.bold) node = <strong>{node}</strong>;
        return <Fragment key={i}>{node}</Fragment>;
      })}
    </>
  );
}

function Blocks({ blocks, h }: { blocks: Block[]; h: Hyphenate }) {
  return (
    <>
      {blocks.map((block, i) => {
        if (block.type === 'paragraph')
          return <p key={i}>{block.runs.length ? <Runs runs={block.runs} h={h} /> : <br />}</p>;
        const List = block.type === 'bulletList' ? 'ul' : 'ol';
        return (
          <List key={i}>
            {block.items.map((item, j) => (
              <li key={j}>
                <Blocks blocks={item} h={h} />
              </li>
            ))}
          </List>
        );
      })}
    </>
  );
}

export function CardText({ id, blocks, plainText }: { id: string; blocks: Block[]; plainText: string }) {
  const { t } = useTranslation();
  const h = useHyphenate();
  return (
    <div id={id} className="card-text" data-testid="card.text">
      {plainText ? <Blocks blocks={blocks} h={h} /> : <p className="card-empty">{t('card.emptyText')}</p>}
    </div>
  );
}
