// Transient messages (store/ui-slice.ts). Errors stay longer; every toast can be dismissed.
import { CheckCircle2, Info, TriangleAlert, X } from 'lucide-react';
import { useBerth } from '../../store';

const icons = { success: CheckCircle2, info: Info, error: TriangleAlert };

export function Toasts() {
  const toasts = useBerth((s) => s.toasts);
  const dismiss = useBerth((s) => s.dismissToast);
  return (
    <div className="toasts" role="status" aria-live="polite" aria-label="Notifications">
      {toasts.map((toast) => {
        const Icon = icons[toast.kind];
        return (
          <div key={toast.id} className={`toast toast-${toast.kind}`}>
            <Icon aria-hidden />
            <span className="toast-message">{toast.message}</span>
            <button type="button" className="icon-btn" aria-label="Dismiss notification" onClick={() => dismiss(toast.id)}>
              <X />
            </button>
          </div>
        );
      })}
    </div>
  );
}
