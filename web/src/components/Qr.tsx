import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/** A QR code of `text`, drawn here (no network), with its meaning as the image's text alternative. */
export function Qr({ text, alt, size = 144 }: { text: string; alt: string; size?: number }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 1, width: size })
      .then((data) => live && setUrl(data))
      .catch(() => live && setUrl(null));
    return () => {
      live = false;
    };
  }, [text, size]);
  return url ? <img className="qr" src={url} width={size} height={size} alt={alt} /> : null;
}
