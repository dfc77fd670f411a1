import type { DeviceOption } from '../store';
import { useMediaTranslation } from '../strings';

/** A device picker; the empty value is the system default. */
export function DeviceSelect({
  label,
  testId,
  options,
  value,
  onChange,
}: {
  label: string;
  testId: string;
  options: DeviceOption[];
  value: string | null;
  onChange: (deviceId: string | null) => void;
}) {
  const { t } = useMediaTranslation();
  return (
    <label className="device-select">
      <span>{label}</span>
      <select data-testid={testId} value={value ?? ''} onChange={(event) => onChange(event.target.value || null)}>
        <option value="">{t('controls.systemDefault')}</option>
        {options.map((option) => (
          <option key={option.deviceId} value={option.deviceId}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
