import { useEffect, useRef, useState } from 'react';

/**
 * Signing: a drawn signature (canvas, any pointer: finger, stylus, mouse)
 * or the typed name as the signature — the keyboard-accessible way, and the
 * only one without JavaScript. The drawing travels as a PNG data URL in the
 * hidden `signatureImage` field.
 */
export function SignaturePad({
  text,
  name,
  error,
}: {
  text: {
    methodLegend: string;
    methodDrawn: string;
    methodTyped: string;
    drawLabel: string;
    drawHint: string;
    clear: string;
    typedPreview: string;
  };
  /** The typed name, shown as the typed signature. */
  name: string;
  error?: string | undefined;
}) {
  const [scripted, setScripted] = useState(false);
  const [method, setMethod] = useState<'drawn' | 'typed'>('typed');
  const [image, setImage] = useState('');
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);

  useEffect(() => setScripted(true), []);

  useEffect(() => {
    const element = canvas.current;
    if (!element || method !== 'drawn') return;
    const ratio = window.devicePixelRatio || 1;
    element.width = element.clientWidth * ratio;
    element.height = element.clientHeight * ratio;
    const context = element.getContext('2d');
    if (!context) return;
    context.scale(ratio, ratio);
    context.lineWidth = 2.5;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    context.strokeStyle = '#0d1a4d';
  }, [method]);

  const point = (event: React.PointerEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  };

  return (
    <>
      <fieldset>
        <legend>{text.methodLegend}</legend>
        {scripted ? (
          <div>
            <label>
              <input
                type="radio"
                name="signatureMethod"
                value="drawn"
                checked={method === 'drawn'}
                onChange={() => setMethod('drawn')}
              />{' '}
              {text.methodDrawn}
            </label>
          </div>
        ) : null}
        <div>
          <label>
            <input
              type="radio"
              name="signatureMethod"
              value="typed"
              checked={method === 'typed'}
              onChange={() => setMethod('typed')}
            />{' '}
            {text.methodTyped}
          </label>
        </div>
      </fieldset>
      <input type="hidden" name="signatureImage" value={method === 'drawn' ? image : ''} />
      {method === 'drawn' ? (
        <div className="field">
          <span className="label" id="signature-pad-label">
            <strong>{text.drawLabel}</strong>
          </span>
          <span className="hint" id="signature-pad-hint">
            {text.drawHint}
          </span>
          <canvas
            ref={canvas}
            className="signature-pad"
            role="img"
            aria-labelledby="signature-pad-label"
            aria-describedby={error ? 'signature-pad-hint signature-error' : 'signature-pad-hint'}
            onPointerDown={(event) => {
              const context = event.currentTarget.getContext('2d');
              if (!context) return;
              try {
                event.currentTarget.setPointerCapture(event.pointerId);
              } catch {
                // Capture only keeps a stroke going outside the box; drawing works without it.
              }
              drawing.current = true;
              const { x, y } = point(event);
              context.beginPath();
              context.moveTo(x, y);
              context.lineTo(x + 0.1, y + 0.1);
              context.stroke();
            }}
            onPointerMove={(event) => {
              if (!drawing.current) return;
              const context = event.currentTarget.getContext('2d');
              const { x, y } = point(event);
              context?.lineTo(x, y);
              context?.stroke();
            }}
            onPointerUp={(event) => {
              drawing.current = false;
              setImage(event.currentTarget.toDataURL('image/png'));
            }}
          />
          <div>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                const element = canvas.current;
                element?.getContext('2d')?.clearRect(0, 0, element.width, element.height);
                setImage('');
              }}
            >
              {text.clear}
            </button>
          </div>
        </div>
      ) : (
        <div className="field">
          <span className="hint">{text.typedPreview}</span>
          <p className="typed-signature" aria-live="polite">
            {name}
          </p>
        </div>
      )}
      {error ? (
        <p id="signature-error" className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}
