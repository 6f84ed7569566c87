import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createQrDecoder } from './camera/qr-decoder-client.ts';

// Reading cards with a webcam: a live preview with the frame to hold the card in (mirrored at a
// kiosk, so the citizen's movements look natural), frames decoded in a Web Worker (zxing-wasm,
// bundled: kiosks are offline), one frame in flight at a time so decoding never queues up behind a
// slow CPU, and the camera released as soon as the screen no longer shows it.

export type CameraProblem =
  | 'camera-unsupported'
  | 'camera-denied'
  | 'camera-missing'
  | 'camera-busy'
  | 'camera-failed'
  /** The decoder worker could not start (its .wasm did not load). */
  | 'decoder-failed';

/** The same text seen again within this time is the same card still in front of the camera. */
const repeatQuietMs = 2500;
/**
 * At most 15 frames a second go to the decoder (a card is held up for seconds; more would keep a
 * core busy for nothing on a 2-core kiosk), and after a read it rests a second.
 */
const minFrameIntervalMs = 66;
const restAfterReadMs = 1000;

export function CameraScanner({
  mirrored,
  deviceId,
  onText,
  showRate = false,
}: {
  mirrored: boolean;
  /** A remembered camera (settings); null = the first one. */
  deviceId: string | null;
  onText: (text: string, device: string | null) => void;
  /** The scanner test page shows how many frames a second this PC decodes. */
  showRate?: boolean;
}) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [problem, setProblem] = useState<CameraProblem | null>(null);
  const [cameras, setCameras] = useState<MediaDeviceInfo[]>([]);
  const [chosen, setChosen] = useState<string | null>(deviceId);
  const [status, setStatus] = useState<'starting' | 'looking' | 'read'>('starting');
  const [rate, setRate] = useState<number | null>(null);
  const onTextRef = useRef(onText);
  useEffect(() => {
    onTextRef.current = onText;
  }, [onText]);

  useEffect(() => {
    const element = video.current;
    if (!element) return;
    let stopped = false;
    let stream: MediaStream | null = null;
    const decoder = createQrDecoder();
    let last: { text: string; at: number } | null = null;
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });

    const start = async () => {
      if (!navigator.mediaDevices?.getUserMedia) return setProblem('camera-unsupported');
      try {
        stream = await navigator.mediaDevices.getUserMedia({
          audio: false,
          video: chosen
            ? { deviceId: { exact: chosen }, width: 1280, height: 720 }
            : { width: 1280, height: 720 },
        });
      } catch (error) {
        if (!stopped) setProblem(problemOf(error));
        return;
      }
      if (stopped) return stream.getTracks().forEach((track) => track.stop());
      element.srcObject = stream;
      await element.play().catch(() => undefined);
      setCameras(
        (await navigator.mediaDevices.enumerateDevices()).filter((device) => device.kind === 'videoinput'),
      );
      setStatus('looking');
      void loop(stream.getVideoTracks()[0]?.label || null);
    };

    // One frame at a time: the next is taken only when the worker has answered the last one.
    const loop = async (label: string | null) => {
      let counted = 0;
      let since = performance.now();
      let rest = 0;
      while (!stopped && context) {
        const frameStarted = performance.now();
        if (element.readyState >= element.HAVE_CURRENT_DATA && element.videoWidth > 0) {
          canvas.width = element.videoWidth;
          canvas.height = element.videoHeight;
          context.drawImage(element, 0, 0);
          const frame = context.getImageData(0, 0, canvas.width, canvas.height);
          // The frame's pixels are ours alone: move them to the worker instead of copying 3.6 MB.
          const answer = await decoder.decode(frame, { transfer: true }).catch(() => null);
          if (stopped) return;
          if (answer === null) return setProblem('decoder-failed');
          counted += 1;
          const now = performance.now();
          if (now - since >= 1000) {
            setRate((counted * 1000) / (now - since));
            counted = 0;
            since = now;
          }
          if (answer.text !== null) {
            const now = performance.now();
            if (!last || last.text !== answer.text || now - last.at > repeatQuietMs) {
              onTextRef.current(answer.text, label);
              setStatus('read');
            }
            last = { text: answer.text, at: now };
            rest = restAfterReadMs;
          } else setStatus('looking');
        }
        const wait = Math.max(rest, minFrameIntervalMs - (performance.now() - frameStarted));
        rest = 0;
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, wait)));
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
    };

    void start();
    return () => {
      stopped = true;
      stream?.getTracks().forEach((track) => track.stop());
      element.srcObject = null;
      decoder.dispose();
    };
  }, [chosen]);

  return (
    <div className="camera-scanner" data-testid="camera-scanner">
      {problem ? (
        <p className="error-message" role="alert" data-code={problem}>
          {t(`camera.${problem}`)}
        </p>
      ) : (
        <>
          <div className={`camera-preview${mirrored ? ' camera-mirrored' : ''}`}>
            <video ref={video} muted playsInline aria-label={t('camera.preview')} />
            <div className="camera-target" aria-hidden="true" />
          </div>
          <p className="camera-hint" role="status" data-testid="camera-status" data-status={status}>
            {t(`camera.${status}`)}
          </p>
          {showRate && rate !== null && (
            <p className="hint" data-testid="camera-rate" data-rate={rate.toFixed(2)}>
              {t('camera.rate', { rate: rate.toFixed(1) })}
            </p>
          )}
        </>
      )}
      {cameras.length > 1 && (
        <label className="camera-picker">
          {t('camera.choose')}
          <select
            name="cameraDeviceId"
            value={chosen ?? ''}
            onChange={(event) => setChosen(event.target.value || null)}
          >
            {cameras.map((camera, index) => (
              <option key={camera.deviceId} value={camera.deviceId}>
                {camera.label || t('camera.unnamed', { number: index + 1 })}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}

function problemOf(error: unknown): CameraProblem {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'camera-denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'camera-missing';
  if (name === 'NotReadableError' || name === 'AbortError') return 'camera-busy';
  return 'camera-failed';
}
